# The Vigía bot. Build from the repository root:
#   docker compose -f docker/compose.yaml build bot
# Stage 1 builds the jar with the project's own Maven wrapper; stage 2 is a JRE, run as a non-root user.
# Base images are pinned by digest (the multi-platform index of the tag named beside it): a rebuild gets the
# same bytes. To move to a newer one, look the tag's digest up (docker buildx imagetools inspect
# eclipse-temurin:17-jre) and replace it here and in admin.Dockerfile.
FROM eclipse-temurin:17-jdk@sha256:36d9a76dc231587873b103c68a789b85d91b41d314dda69730d6bc43a777f2a9 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl bot -am package -DskipTests

FROM eclipse-temurin:17-jre@sha256:c6f2875c05ea10f16398bdc5f73405c384991506f2f1ead8bcc6582ae8adea79
# curl only for the healthcheck
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin vigia \
 && mkdir -p /app/data && chown vigia:vigia /app/data
WORKDIR /app
COPY --from=build /src/bot/target/vigia-bot-exec.jar /app/vigia-bot.jar
USER 10001:10001
ENV BOT_PORT=8081
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${BOT_PORT}/actuator/health" >/dev/null || exit 1
# The heap is a share of the container's memory limit (mem_limit in compose.yaml, sized for it); the rest is
# for what is not heap (classes, threads, buffers). Out of memory, the process exits and is restarted rather
# than limping on.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/vigia-bot.jar"]
