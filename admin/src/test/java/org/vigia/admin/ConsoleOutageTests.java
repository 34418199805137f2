package org.vigia.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.vigia.store.RedisEndpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console when Redis or the bot is away: it says so, never blames the password, refuses actions with a
 * redirect that says nothing was done, and recovers by itself. Redis is the embedded server this console
 * started, stopped and started again on the same port.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleOutageTests {

	static final Path DATA = tempDir();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("vigia.redis.url", () -> "");
		registry.add("vigia.redis.data-dir", DATA::toString);
		registry.add("vigia.redis.prefix", () -> "vigia-outage:");
		registry.add("vigia.admin.username", () -> "ana");
		registry.add("vigia.admin.password", () -> "a long password for ana");
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("vigia-outage");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	RedisEndpoint endpoint;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	LiveState live;

	@AfterEach
	void redisBack() {
		endpoint.embedded().start();
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> live.status().redis());
	}

	void redisDown() {
		endpoint.embedded().stop();
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !live.status().redis());
	}

	@Test
	void theRightPasswordDuringARedisOutageIsNotCalledWrongNorCounted() throws Exception {
		redisDown();
		for (int i = 0; i < 7; i++) {
			mvc.perform(post("/login").param("username", "ana").param("password", "a long password for ana").with(csrf()))
				.andExpect(redirectedUrl("/login?unavailable"));
		}
		mvc.perform(get("/login?unavailable")).andExpect(content().string(containsString("Your password was not checked")));

		redisBack();
		mvc.perform(post("/login").param("username", "ana").param("password", "a long password for ana").with(csrf()))
			.andExpect(redirectedUrl("/incidents"));
	}

	@Test
	void duringARedisOutageActionsAnswerWithARedirectThatSaysNothingWasDoneAndPagesSaySo() throws Exception {
		redisDown();
		mvc.perform(post("/observers/invite").param("reason", "for Marta")
			.with(user("ana").roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/observers"))
			.andExpect(flash().attribute("error", "console.error.unavailable"));
		mvc.perform(post("/incidents/abc123/confirm").param("reason", "hotline")
			.with(user("ana").roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/incidents/abc123"))
			.andExpect(flash().attribute("error", "console.error.unavailable"));
		mvc.perform(get("/incidents").with(user("ana").roles("ADMIN")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("cannot reach Redis right now")))
			.andExpect(content().string(not(containsString("Whitelabel"))));
	}

	@Test
	void theBannerSaysTheBotIsNotRunningUntilABotReadsItsCommands() throws Exception {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> live.status().redis() && !live.status().bot());
		mvc.perform(get("/incidents").with(user("ana").roles("ADMIN")))
			.andExpect(content().string(containsString("<p class=\"banner\">The bot is not running")));

		// what a bot does several times a second: read the command stream in the consumer group "bots"
		redis.opsForStream().add("vigia-outage:commands", java.util.Map.of("type", "noop"));
		try {
			redis.opsForStream().createGroup("vigia-outage:commands", ReadOffset.from("0"), "bots");
		}
		catch (RuntimeException ex) {
			// exists already
		}
		redis.opsForStream().read(Consumer.from("bots", "bot-test"), StreamOffset.create("vigia-outage:commands",
				ReadOffset.lastConsumed()));
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> live.status().bot());
		mvc.perform(get("/incidents").with(user("ana").roles("ADMIN")))
			.andExpect(content().string(not(containsString("<p class=\"banner\">"))));
		assertThat(live.status().name()).isEqualTo("ok");
	}

	@Test
	void aFormSentAfterTheSessionExpiredSaysClearlyThatItWasNotDone() throws Exception {
		mvc.perform(post("/incidents/abc123/confirm").param("reason", "hotline").with(csrf()))
			.andExpect(redirectedUrl("/login?expired"));
		mvc.perform(post("/incidents/abc123/confirm").param("reason", "hotline").with(request -> {
			request.setRequestedSessionId("a-session-that-expired");
			request.setRequestedSessionIdValid(false);
			return request;
		})).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/login?expired")).andExpect(content().string(containsString("was not done")));
	}

}
