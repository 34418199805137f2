package org.vigia.bot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every spelling of the webhook's path that the servlet container or Spring could route to the webhook, sent
 * over a bare socket exactly as written (an HTTP client would normalize some of them): none is handled without
 * Telegram's secret, and only the path exactly as registered is handled with it.
 */
class WebhookPathTests {

	static final String SECRET = "webhook-secret-for-path-tests-0123";

	static final String PATH = "/telegram/webhook";

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	static final AtomicLong users = new AtomicLong(7_300_000);

	@BeforeAll
	static void start() throws IOException {
		telegram = new FakeTelegram();
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.webhook-url=https://bot.example.org" + PATH, "--vigia.telegram.webhook-secret=" + SECRET,
				"--vigia.redis.url=", "--vigia.redis.data-dir=" + data, "--vigia.redis.prefix=vigia-webhook-paths:");
	}

	@AfterAll
	static void stop() {
		bot.close();
		telegram.close();
	}

	/** Path parameters, percent-encoding of each character, dot segments, slashes, case, and a few odd bytes. */
	static List<String> spellings() {
		Set<String> out = new LinkedHashSet<>();
		for (String param : List.of(";x", ";jsessionid=0123ABCD", ";", ";a=b;c=d", ";%2F")) {
			out.add(PATH + param);
			out.add("/telegram" + param + "/webhook");
			out.add("/" + param.substring(1) + PATH);
			out.add("/telegram/web" + param + "hook");
		}
		for (int i = 0; i < PATH.length(); i++) {
			String hex = String.format("%02x", (int) PATH.charAt(i));
			out.add(PATH.substring(0, i) + "%" + hex + PATH.substring(i + 1));
			out.add(PATH.substring(0, i) + "%" + hex.toUpperCase(Locale.ROOT) + PATH.substring(i + 1));
		}
		out.add("/%74%65%6c%65%67%72%61%6d/%77%65%62%68%6f%6f%6b");
		out.add("/telegram%2fwebhook");
		out.add("/telegram%252Fwebhook");
		out.add("/telegram/%2577ebhook");
		out.add("//telegram/webhook");
		out.add("/telegram//webhook");
		out.add(PATH + "//");
		out.add("///telegram///webhook");
		out.add(PATH + "/");
		out.add(PATH + "/.");
		out.add(PATH + "/x/..");
		out.add("/Telegram/webhook");
		out.add("/telegram/Webhook");
		out.add("/TELEGRAM/WEBHOOK");
		out.add("/telegram/./webhook");
		out.add("/./telegram/webhook");
		out.add("/telegram/x/../webhook");
		out.add("/x/../telegram/webhook");
		out.add("/../telegram/webhook");
		out.add("/telegram/%2e/webhook");
		out.add("/telegram/x/%2e%2e/webhook");
		out.add("/telegram/x/.%2e/webhook");
		out.add("/telegram/.;x/webhook");
		out.add("/telegram/x/..;/webhook");
		out.add("/telegram\\webhook");
		out.add("/telegram/%5cwebhook");
		out.add(PATH + "%00");
		out.add(PATH + "%20");
		out.add(PATH + ".json");
		out.add("http://127.0.0.1" + PATH + ";x");
		return new ArrayList<>(out);
	}

	@Test
	void noSpellingOfTheWebhookPathHandlesAnUpdateWithoutTheSecret() throws Exception {
		var spellings = spellings();
		List<Long> forgedUsers = new ArrayList<>();
		int tried = 0;
		for (String secret : new String[] { null, "wrong-secret-wrong-secret-wrong", SECRET.substring(1) }) {
			for (String spelling : spellings) {
				long user = users.incrementAndGet();
				forgedUsers.add(user);
				int status = post(spelling, secret, telegram.text(user, "en", "/start").put("update_id", telegram.nextUpdateId())
					.toString());
				assertThat(status).as("POST %s with secret %s", spelling, secret == null ? "none" : "wrong")
					.matches(s -> s < 200 || s > 299, "not a 2xx");
				tried++;
			}
		}
		System.out.printf("HOSTILE WebhookPathTests | webhook path spellings without the secret: %d (%d spellings)%n",
				tried, spellings.size());
		assertHandledNone(forgedUsers);
	}

	@Test
	void onlyThePathAsRegisteredHandlesAnUpdateWithTheSecret() throws Exception {
		var spellings = spellings();
		List<Long> users = new ArrayList<>();
		for (String spelling : spellings) {
			long user = WebhookPathTests.users.incrementAndGet();
			users.add(user);
			int status = post(spelling, SECRET, telegram.text(user, "en", "/start").put("update_id", telegram.nextUpdateId())
				.toString());
			assertThat(status).as("POST %s with the secret", spelling).matches(s -> s < 200 || s > 299, "not a 2xx");
		}
		System.out.printf("HOSTILE WebhookPathTests | webhook path spellings with the secret: %d%n", spellings.size());
		assertHandledNone(users);
	}

	/** A real update on the real path is handled (and shows that the refusals above were not an outage). */
	private void assertHandledNone(List<Long> forgedUsers) throws IOException {
		long marker = users.incrementAndGet();
		assertThat(post(PATH, SECRET, telegram.text(marker, "en", "/help").put("update_id", telegram.nextUpdateId())
			.toString())).isEqualTo(200);
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> !telegram.sentTo(marker).isEmpty());
		for (long user : forgedUsers) {
			assertThat(telegram.sentTo(user)).as("messages to forged user %d", user).isEmpty();
		}
	}

	/** POSTs over a bare socket with the request target exactly as given; the status, or 0 when the server closed. */
	static int post(String target, String secret, String body) throws IOException {
		int port = ((WebServerApplicationContext) bot).getWebServer().getPort();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
					+ (secret == null ? "" : "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n") + "Content-Length: "
					+ bytes.length + "\r\nConnection: close\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			return status(socket.getInputStream());
		}
	}

	private static int status(InputStream in) throws IOException {
		var line = new StringBuilder();
		for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
			line.append((char) c);
		}
		String[] parts = line.toString().split(" ");
		return parts.length < 2 ? 0 : Integer.parseInt(parts[1]);
	}

	@Test
	void theRegisteredPathHandlesAnUpdateWithTheSecret() throws IOException {
		long user = users.incrementAndGet();
		assertThat(post(PATH, SECRET, telegram.text(user, "en", "/help").put("update_id", telegram.nextUpdateId())
			.toString())).isEqualTo(200);
		Awaitility.await().atMost(FakeTelegram.PATIENCE).until(() -> !telegram.sentTo(user).isEmpty());
		assertThat(telegram.sentTo(user)).singleElement().satisfies(c -> assertThat(c.text()).contains("How Vigía works"));
	}

}
