package org.vigia.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The login throttle behind the README's reverse proxy: failures count per user and client address, the
 * client address comes from X-Forwarded-For only when the proxy is the one configured, and nobody can keep
 * a dispatcher with the right password and code out by failing on purpose. Addresses are documentation
 * ranges set on mock requests: nothing is sent anywhere.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginLockoutTests {

	static final String PROXY = "127.0.0.10";

	static final Path DATA = tempDir();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("vigia.redis.url", () -> "");
		registry.add("vigia.redis.data-dir", DATA::toString);
		registry.add("vigia.redis.prefix", () -> "vigia-lockout:");
		registry.add("vigia.admin.trusted-proxies", () -> PROXY);
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("vigia-lockout");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	static RequestPostProcessor from(String socket, String forwardedFor) {
		return request -> {
			request.setRemoteAddr(socket);
			if (forwardedFor != null) {
				request.addHeader("X-Forwarded-For", forwardedFor);
			}
			return request;
		};
	}

	static MockHttpServletRequestBuilder login(String username, String password, String code) {
		var request = post("/login").param("username", username).param("password", password).with(csrf());
		return code == null ? request : request.param("code", code);
	}

	@Test
	void anAttackerFailingThroughTheProxyCannotKeepADispatcherWithTheRightPasswordAndCodeOut() throws Exception {
		accounts.create("dora", "doras long password", Accounts.Role.DISPATCHER);
		String secret = Totp.newSecret();
		accounts.enableTotp("dora", secret);

		for (int i = 0; i < 5; i++) {
			mvc.perform(login("dora", "guess " + i, "123456").with(from(PROXY, "203.0.113.66")))
				.andExpect(redirectedUrl("/login?error"));
		}
		// the attacker now waits, even with the right password
		mvc.perform(login("dora", "doras long password", null).with(from(PROXY, "203.0.113.66")))
			.andExpect(redirectedUrl("/login?locked"));

		// the same proxy, dora's own address: she signs in
		String code = Totp.code(Totp.decode(secret), Instant.now().getEpochSecond() / 30);
		mvc.perform(login("dora", "doras long password", code).with(from(PROXY, "198.51.100.7")))
			.andExpect(redirectedUrl("/incidents"));
	}

	@Test
	void aForgedForwardedHeaderFromOutsideTheProxyIsIgnored() throws Exception {
		accounts.create("fede", "fedes long password", Accounts.Role.DISPATCHER);

		// straight to the console, a new made-up X-Forwarded-For each time: still one address
		for (int i = 0; i < 5; i++) {
			mvc.perform(login("fede", "guess " + i, null).with(from("198.51.100.99", "203.0.113." + i)))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login("fede", "fedes long password", null).with(from("198.51.100.99", "203.0.113.200")))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void behindTheProxyEachClientIsCountedOnItsOwnAndAHeaderWrittenByTheClientDoesNotHelp() throws Exception {
		accounts.create("gala", "galas long password", Accounts.Role.DISPATCHER);

		// the client prepends a made-up hop; the proxy appends the real one: the real one counts
		for (int i = 0; i < 5; i++) {
			mvc.perform(login("gala", "guess " + i, null).with(from(PROXY, "192.0.2." + i + ", 203.0.113.80")))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(login("gala", "galas long password", null).with(from(PROXY, "192.0.2.250, 203.0.113.80")))
			.andExpect(redirectedUrl("/login?locked"));
		mvc.perform(login("gala", "galas long password", null).with(from(PROXY, "203.0.113.81")))
			.andExpect(redirectedUrl("/incidents"));
	}

}
