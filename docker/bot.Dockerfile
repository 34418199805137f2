# The Vigía bot. Build from the repository root:
#   docker compose -f docker/compose.yaml build bot
# Stage 1 builds the jar with the project's own Maven wrapper; stage 2 is a JRE, run as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl bot -am package -DskipTests

FROM eclipse-temurin:17-jre
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
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/vigia-bot.jar"]
