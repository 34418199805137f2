package org.vigia.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.vigia.store.SignalCaptchaFlag;

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
 * Signal's captcha in the console, on a real (embedded) Redis: the banner on every page while the bot's flag is
 * raised, and the admins' page that sends the pasted link to the bot as a command, audited without the link.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignalCaptchaConsoleTests {

	static final Path DATA = tempDir();

	static final String LINK = "signalcaptcha://signal-hcaptcha.5fad97ac.challenge.P1_eyJ0eXAiOiJKV1Qi";

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("vigia.redis.url", () -> "");
		registry.add("vigia.redis.data-dir", DATA::toString);
		registry.add("vigia.redis.prefix", () -> "vigia-captcha-console:");
		registry.add("vigia.admin.username", () -> "ana");
		registry.add("vigia.admin.password", () -> "a long password for ana");
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("vigia-captcha-console");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	SignalCaptchaFlag flag;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void dispatcherAccount() {
		accounts.create("dave", "another long password", Accounts.Role.DISPATCHER);
	}

	@AfterEach
	void lower() {
		flag.lower();
	}

	@Test
	void whileSignalHoldsMessagesEveryPageSaysSoAndOnlyAdminsGetTheLinkToSolveIt() throws Exception {
		mvc.perform(get("/incidents").with(user("dave").roles("DISPATCHER")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("captcha-banner"))));

		flag.raise(new SignalCaptchaFlag.Hold(Instant.parse("2026-11-29T14:00:00Z"), 7));

		for (String page : List.of("/incidents", "/observers", "/appointments", "/stats")) {
			mvc.perform(get(page).with(user("dave").roles("DISPATCHER")))
				.andExpect(content().string(containsString("7 messages are waiting")))
				.andExpect(content().string(containsString("An admin of the console can solve it.")))
				.andExpect(content().string(not(containsString("href=\"/signal-captcha\""))));
		}
		mvc.perform(get("/incidents").with(user("ana").roles("ADMIN")))
			.andExpect(content().string(containsString("href=\"/signal-captcha\"")))
			.andExpect(content().string(containsString("Solve the captcha now")));
		mvc.perform(get("/incidents").with(user("ana").roles("ADMIN")).locale(Locale.forLanguageTag("es")))
			.andExpect(content().string(containsString("hay 7 mensajes esperando")))
			.andExpect(content().string(containsString("Resolver el captcha ahora")));
		mvc.perform(get("/signal-captcha").with(user("ana").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signal is holding 7 of the bot’s messages")));

		flag.lower();
		mvc.perform(get("/incidents").with(user("dave").roles("DISPATCHER")))
			.andExpect(content().string(not(containsString("captcha-banner"))));
	}

	@Test
	void aDispatcherCannotOpenOrPostTheCaptchaPage() throws Exception {
		mvc.perform(get("/signal-captcha").with(user("dave").roles("DISPATCHER"))).andExpect(status().isForbidden());
		mvc.perform(post("/signal-captcha").param("captcha", LINK).param("reason", "held alerts")
			.with(user("dave").roles("DISPATCHER")).with(csrf())).andExpect(status().isForbidden());
		assertThat(commands()).noneMatch(c -> "dave".equals(c.get("actor")));
	}

	@Test
	void somethingThatIsNotACaptchaLinkOrHasNoReasonIsRefusedAndSendsNothing() throws Exception {
		int sent = commands().size();
		mvc.perform(post("/signal-captcha").param("captcha", "hello").param("reason", "held alerts")
			.with(user("ana").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/signal-captcha"))
			.andExpect(flash().attribute("error", "console.signalCaptcha.notALink"));
		mvc.perform(post("/signal-captcha").param("captcha", LINK).param("reason", "  ")
			.with(user("ana").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/signal-captcha"))
			.andExpect(flash().attribute("error", "console.error.reason"));
		assertThat(commands()).hasSize(sent);
	}

	@Test
	void anAdminsLinkGoesToTheBotAsACommandAndTheAuditKeepsTheReasonButNotTheLink() throws Exception {
		flag.raise(new SignalCaptchaFlag.Hold(Instant.now(), 3));

		// no bot reads the commands here: the page says it waits for the bot
		mvc.perform(post("/signal-captcha").param("captcha", " " + LINK + "\n").param("reason", "alerts held on Signal")
			.with(user("ana").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/signal-captcha"))
			.andExpect(flash().attribute("result", "console.signalCaptcha.botDown"));

		assertThat(commands()).filteredOn(c -> "signal-captcha".equals(c.get("type"))).singleElement()
			.satisfies(c -> assertThat(c).containsEntry("captcha", LINK).containsEntry("actor", "ana")
				.containsEntry("reason", "alerts held on Signal"));
		List<Map<Object, Object>> audit = read("vigia-captcha-console:audit");
		assertThat(audit).anyMatch(e -> "ana".equals(e.get("user")) && "signal-captcha".equals(e.get("action"))
				&& "alerts held on Signal".equals(e.get("reason")));
		assertThat(audit).noneMatch(e -> e.toString().contains("signalcaptcha"));
	}

	List<Map<Object, Object>> commands() {
		return read("vigia-captcha-console:commands");
	}

	List<Map<Object, Object>> read(String key) {
		List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(StreamOffset.fromStart(key));
		return records == null ? List.of() : records.stream().map(MapRecord::getValue).toList();
	}

}
