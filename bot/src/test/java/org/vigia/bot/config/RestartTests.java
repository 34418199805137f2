package org.vigia.bot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.e2e.TestClock;
import org.vigia.core.incident.Deadline;
import org.vigia.store.RedisConversationStore;
import org.vigia.store.RedisDeadlineSchedule;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisPostLedger;
import org.vigia.store.RedisUpdateLedger;
import org.vigia.core.incident.IncidentId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot stops in the middle of a resident's conversation and of a dispatch, and starts again on the
 * same data directory (embedded Redis, append-only file): the conversation continues, the dispatch
 * deadline is still there and fires when due, and an alert already posted, or an update already handled, is
 * not done again. Both runs share one clock the test moves, so the deadline ticker (every second) cannot fire
 * the deadline before the test has looked at it.
 */
class RestartTests {

	@TempDir
	Path data;

	final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));

	@Test
	void conversationDeadlinesAndPostsSurviveARestart() {
		var incident = new IncidentId("restart1");
		Deadline widen;
		try (var bot = start()) {
			var conversations = bot.getBean(RedisConversationStore.class);
			conversations.save("900000001", "{\"step\":\"WHEN\",\"kind\":\"DETENTION\"}");
			widen = new Deadline("widen", incident, clock.instant().plus(Duration.ofMinutes(5)));
			bot.getBean(RedisDeadlineSchedule.class).schedule(widen);
			assertThat(bot.getBean(RedisPostLedger.class).claim(incident, "@mission_alerts")).isTrue();
			bot.getBean(RedisPostLedger.class).record(new org.vigia.core.channel.ChannelPost(incident, "@mission_alerts", 9));
			assertThat(bot.getBean(RedisUpdateLedger.class).claim(31_337L)).isEqualTo(org.vigia.core.support.Claim.FIRST);
			bot.getBean(RedisUpdateLedger.class).done(31_337L);
		}

		try (var bot = start()) {
			assertThat(bot.getBean(RedisConversationStore.class).load("900000001"))
				.contains("{\"step\":\"WHEN\",\"kind\":\"DETENTION\"}");
			var schedule = bot.getBean(RedisDeadlineSchedule.class);
			assertThat(schedule.pending()).containsExactly(widen);
			assertThat(bot.getBean(RedisPostLedger.class).claim(incident, "@mission_alerts")).isFalse();
			assertThat(bot.getBean(RedisUpdateLedger.class).claim(31_337L)).isEqualTo(org.vigia.core.support.Claim.DONE);
			assertThat(bot.getBean(RedisIncidentStore.class).find(incident)).isEmpty();

			// five minutes later the restarted bot's own ticker fires the deadline, and it is done
			clock.advance(Duration.ofMinutes(5));
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> schedule.pending().isEmpty());
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(VigiaBotApplication.class).web(WebApplicationType.NONE)
			.initializers(clock.install())
			.run("--vigia.redis.url=", "--vigia.redis.data-dir=" + data, "--vigia.redis.prefix=vigia-restart:",
					"--vigia.telegram.token=123:not-used", "--vigia.telegram.connect=false");
	}

}
