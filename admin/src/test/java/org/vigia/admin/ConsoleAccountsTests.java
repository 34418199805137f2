package org.vigia.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Dispatcher accounts made in the console: an admin adds one with a reason and gets a single-use link; the
 * person sets their password and second factor from it (QR code); disable and reset work and are audited;
 * second-factor secrets are encrypted at rest.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsoleAccountsTests {

	static final Path DATA = tempDir();

	static final String KEY = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
			13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("vigia.redis.url", () -> "");
		registry.add("vigia.redis.data-dir", DATA::toString);
		registry.add("vigia.redis.prefix", () -> "vigia-accounts:");
		registry.add("vigia.admin.username", () -> "ana");
		registry.add("vigia.admin.password", () -> "a long password for ana");
		registry.add("vigia.admin.totp-key", () -> KEY);
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("vigia-accounts");
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
	Accounts accounts;

	String addDispatcher(String username) throws Exception {
		var result = mvc
			.perform(post("/accounts").param("username", username)
				.param("reason", "new volunteer dispatcher for the night shift")
				.with(user("ana").roles("ADMIN"))
				.with(csrf()))
			.andExpect(redirectedUrl("/accounts"))
			.andReturn();
		String link = (String) result.getFlashMap().get("link");
		assertThat(link).matches("http://localhost/welcome/[A-Za-z0-9_-]{32}");
		return link.substring(link.lastIndexOf('/') + 1);
	}

	/** Opens the link, reads the secret the page shows, and sends the form; returns the secret. */
	String setUp(String token, String password) throws Exception {
		var session = new MockHttpSession();
		String page = mvc.perform(get("/welcome/" + token).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = page.replaceAll("(?s).*<code id=\"totp-secret\">([A-Z2-7]+)</code>.*", "$1");
		mvc.perform(post("/welcome/" + token).session(session)
			.param("password", password)
			.param("repeat", password)
			.param("code", code(secret))
			.with(csrf())).andExpect(redirectedUrl("/login?ready"));
		return secret;
	}

	static String code(String secret) {
		return Totp.code(Totp.decode(secret), Instant.now().getEpochSecond() / 30);
	}

	@Test
	void anAdminAddsADispatcherWhoSetsTheirOwnPasswordAndSecondFactorThroughASingleUseLink() throws Exception {
		String token = addDispatcher("rosa");
		mvc.perform(post("/login").param("username", "rosa").param("password", "anything at all").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));

		String secret = setUp(token, "rosas own long password");

		mvc.perform(post("/login").param("username", "rosa").param("password", "rosas own long password").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("username", "rosa")
			.param("password", "rosas own long password")
			.param("code", code(secret))
			.with(csrf())).andExpect(redirectedUrl("/incidents"));
		mvc.perform(get("/welcome/" + token)).andExpect(content().string(containsString("already used or it expired")));
		assertThat(audit()).anyMatch(e -> "account-added".equals(e.get("action")) && "rosa".equals(e.get("subject"))
				&& "new volunteer dispatcher for the night shift".equals(e.get("reason")));
	}

	@Test
	void aSetupFormWithAWrongCodeOrDifferentPasswordsSetsNothing() throws Exception {
		String token = addDispatcher("saul");
		var session = new MockHttpSession();
		mvc.perform(get("/welcome/" + token).session(session)).andExpect(status().isOk());
		mvc.perform(post("/welcome/" + token).session(session)
			.param("password", "sauls long password")
			.param("repeat", "sauls long password")
			.param("code", "12345x")
			.with(csrf())).andExpect(redirectedUrl("/welcome/" + token));
		mvc.perform(post("/welcome/" + token).session(session)
			.param("password", "sauls long password")
			.param("repeat", "another long password")
			.param("code", "000000")
			.with(csrf())).andExpect(redirectedUrl("/welcome/" + token));

		assertThat(redis.opsForHash().get("vigia-accounts:admin:user:saul", "hash")).isNull();
		setUp(token, "sauls long password");
		assertThat(redis.opsForHash().get("vigia-accounts:admin:user:saul", "hash")).isNotNull();
	}

	@Test
	void aDisabledDispatcherCannotSignInAndAResetNeedsANewLink() throws Exception {
		String secret = setUp(addDispatcher("tere"), "teres long password");
		mvc.perform(post("/accounts/tere/disable").with(user("ana").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		assertThat(redis.opsForHash().hasKey("vigia-accounts:admin:user:tere", "disabled")).as("no reason, no change")
			.isFalse();

		mvc.perform(post("/accounts/tere/disable").param("reason", "lost her phone")
			.with(user("ana").roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/accounts"));
		mvc.perform(post("/login").param("username", "tere")
			.param("password", "teres long password")
			.param("code", code(secret))
			.with(csrf())).andExpect(redirectedUrl("/login?error"));

		var reset = mvc.perform(post("/accounts/tere/reset").param("reason", "new phone")
			.with(user("ana").roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/accounts")).andReturn();
		mvc.perform(post("/accounts/tere/enable").param("reason", "found again")
			.with(user("ana").roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/accounts"));
		mvc.perform(post("/login").param("username", "tere")
			.param("password", "teres long password")
			.param("code", code(secret))
			.with(csrf())).andExpect(redirectedUrl("/login?error"));

		String link = (String) reset.getFlashMap().get("link");
		String newSecret = setUp(link.substring(link.lastIndexOf('/') + 1), "teres second password");
		mvc.perform(post("/login").param("username", "tere")
			.param("password", "teres second password")
			.param("code", code(newSecret))
			.with(csrf())).andExpect(redirectedUrl("/incidents"));
		assertThat(audit()).anyMatch(e -> "account-disable".equals(e.get("action")) && "lost her phone".equals(e.get("reason")));
		assertThat(audit()).anyMatch(e -> "account-reset".equals(e.get("action")) && "new phone".equals(e.get("reason")));
	}

	@Test
	void aSignedInDispatcherWhoIsDisabledIsSignedOutAtTheNextPage() throws Exception {
		String secret = setUp(addDispatcher("uri"), "uris long password");
		var session = (MockHttpSession) mvc
			.perform(post("/login").param("username", "uri")
				.param("password", "uris long password")
				.param("code", code(secret))
				.with(csrf()))
			.andExpect(redirectedUrl("/incidents"))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/incidents").session(session)).andExpect(status().isOk());

		mvc.perform(post("/accounts/uri/disable").param("reason", "left the network")
			.with(user("ana").roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/accounts"));

		mvc.perform(get("/incidents").session(session)).andExpect(redirectedUrl("/login?disabled"));
	}

	@Test
	void dispatchersCannotManageAccountsAndAdminsCannotBeDisabledFromTheConsole() throws Exception {
		accounts.create("dave", "daves long password", Accounts.Role.DISPATCHER);
		mvc.perform(get("/accounts").with(user("dave").roles("DISPATCHER"))).andExpect(status().isForbidden());
		mvc.perform(post("/accounts").param("username", "mallory").param("reason", "me")
			.with(user("dave").roles("DISPATCHER"))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/accounts/ana/disable").param("reason", "coup")
			.with(user("ana").roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/accounts"));
		assertThat(redis.opsForHash().hasKey("vigia-accounts:admin:user:ana", "disabled")).isFalse();
		assertThat(redis.hasKey("vigia-accounts:admin:user:mallory")).isFalse();
	}

	@Test
	void secondFactorSecretsAreEncryptedAtRestAndAnOldClearOneIsEncryptedOnFirstUse() throws Exception {
		String secret = setUp(addDispatcher("vale"), "vales long password");
		String stored = (String) redis.opsForHash().get("vigia-accounts:admin:user:vale", "totp");
		assertThat(stored).startsWith("v1:").doesNotContain(secret);
		var vault = new TotpVault(Base64.getDecoder().decode(KEY));
		assertThat(vault.open("vale", stored)).isEqualTo(secret);
		assertThatThrownBy(() -> vault.open("rosa", stored)).as("sealed for vale only")
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new TotpVault(new byte[32]).open("vale", stored)).as("another key")
			.isInstanceOf(IllegalStateException.class);

		// a secret an older console wrote in clear
		String legacy = Totp.newSecret();
		redis.opsForHash().put("vigia-accounts:admin:user:vale", "totp", legacy);
		mvc.perform(post("/login").param("username", "vale")
			.param("password", "vales long password")
			.param("code", code(legacy))
			.with(csrf())).andExpect(redirectedUrl("/incidents"));
		assertThat((String) redis.opsForHash().get("vigia-accounts:admin:user:vale", "totp")).startsWith("v1:")
			.doesNotContain(legacy);
	}

	@Test
	void theConsoleRefusesToStartWithARealRedisAndNoKeyAndKeepsAGeneratedKeyWithTheEmbeddedOne() throws IOException {
		assertThatThrownBy(() -> TotpVault.resolve("", false, DATA)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ADMIN_TOTP_KEY");
		assertThatThrownBy(() -> TotpVault.resolve("c2hvcnQ=", false, DATA)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("32");
		Path dir = Files.createTempDirectory("vigia-totp-key");
		String sealed = TotpVault.resolve("", true, dir).seal("ana", "ABCDEFGH");
		assertThat(Files.readString(dir.resolve("totp-key"))).isNotBlank();
		assertThat(TotpVault.resolve("", true, dir).open("ana", sealed)).as("the same key after a restart")
			.isEqualTo("ABCDEFGH");
	}

	List<Map<Object, Object>> audit() {
		List<MapRecord<String, Object, Object>> records = redis.opsForStream()
			.read(StreamOffset.fromStart("vigia-accounts:audit"));
		return records == null ? List.of() : records.stream().map(MapRecord::getValue).toList();
	}

}
