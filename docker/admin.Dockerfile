# The Vigía dispatcher console (module admin, jar admin/target/vigia-admin.jar). Build from the
# repository root:
#   docker compose -f docker/compose.yaml build admin
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl admin -am package -DskipTests

FROM eclipse-temurin:17-jre
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
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/vigia-admin.jar"]
