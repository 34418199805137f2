package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.incident.Incident;
import org.vigia.store.RedisCommandStream;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisStreams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident reports and asks to be told what volunteers find. While they wait, their id appears nowhere in
 * Redis in clear, in no key and no value (README and SECURITY.md say so); when a dispatcher confirms the
 * scene they are told all the same, once, and the subscription is gone.
 */
class OutcomePrivacyTests {

	static final long RESIDENT = 7_000_123_457L;

	static final String PREFIX = "vigia-outcome:";

	static final double LAT = 41.8781, LON = -87.6298;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static PrivacyScan privacy;

	static TestBot bot;

	@BeforeAll
	static void start() throws IOException {
		privacy = PrivacyScan.start();
		telegram = new FakeTelegram();
		bot = TestBot.start(telegram, data, PREFIX, builder -> builder.listeners(privacy.onEveryStart()));
	}

	@AfterAll
	static void stop() {
		privacy.close();
		bot.close();
		telegram.close();
	}

	@Test
	void aResidentWaitingForTheOutcomeIsStoredWithoutTheirIdInClearAndIsToldIt() {
		var scenario = Scenario.polling(telegram);
		var redis = bot.bean(StringRedisTemplate.class);

		scenario.reportAndAskForTheOutcome(RESIDENT, "en", LAT, LON);
		Scenario.await(() -> assertThat(scenario.deliveredTo(RESIDENT, "Thank you")).hasSize(1));
		Incident incident = bot.bean(RedisIncidentStore.class).open().get(0);
		assertThat(redis.hasKey(PREFIX + "followers:" + incident.id().value())).as("the resident is waiting").isTrue();

		// every key and every value, the followers' included, and every log line so far
		privacy.resident(RESIDENT).place(LAT, LON).secret(FakeTelegram.TOKEN);
		var scanned = privacy.assertClean(redis, PREFIX);
		assertThat(scanned.keys()).isPositive();

		RedisStreams.append(redis, PREFIX + "commands", Map.of("id", "outcome-confirm-0001", "type", "confirm",
				"incident", incident.id().value(), "reason", "hotline call", "actor", "ana"),
				RedisCommandStream.MAX_ENTRIES, RedisCommandStream.KEEP);
		Scenario.await(() -> assertThat(scenario.deliveredTo(RESIDENT, "trained volunteers <b>confirmed</b>"))
			.hasSize(1));
		assertThat(redis.hasKey(PREFIX + "followers:" + incident.id().value())).as("told, and forgotten").isFalse();
		TtlScan.assertEveryKeyExpires(redis, PREFIX);
	}

}
