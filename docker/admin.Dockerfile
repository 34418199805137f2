# The Vigía dispatcher console (module admin, jar admin/target/vigia-admin.jar). Build from the
# repository root:
#   docker compose -f docker/compose.yaml build admin
# Base images are pinned by digest, as in bot.Dockerfile (same images: keep the two in step).
FROM eclipse-temurin:17-jdk@sha256:36d9a76dc231587873b103c68a789b85d91b41d314dda69730d6bc43a777f2a9 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl admin -am package -DskipTests

FROM eclipse-temurin:17-jre@sha256:c6f2875c05ea10f16398bdc5f73405c384991506f2f1ead8bcc6582ae8adea79
# curl only for the healthcheck
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin vigia
WORKDIR /app
COPY --from=build /src/admin/target/vigia-admin.jar /app/vigia-admin.jar
USER 10001:10001
ENV ADMIN_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${ADMIN_PORT}/actuator/health" >/dev/null || exit 1
# The heap is a share of the container's memory limit (mem_limit in compose.yaml, sized for it).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/vigia-admin.jar"]
