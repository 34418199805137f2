package org.vigia.admin;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.store.RedisDrills;
import org.vigia.store.RedisIncidentAssigner;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisNeighborhoodText;
import org.vigia.store.RedisObserverStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dispatcher starts a drill from the console's Drills page (issue 14), over the console's real HTTP (sign-in,
 * session cookie, CSRF token from the page) while the bot runs against the fake Bot API on the same embedded
 * Redis: the form's command reaches the bot, only the observers ticked are asked, the page shows the drill once it
 * runs, and the live list and the map mark practice scenes. Bad forms, forged commands and forms without their
 * token start nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillStartTests {

	static final String SECRET = "drill-start-secret-0123456789abcdef";

	static final String PREFIX = "vigia-drill-start:";

	static final long LUPE_CHAT = 555_100_001L, MARIO_CHAT = 555_100_002L;

	static final ObserverId LUPE = new ObserverId("drillstartlupe"), MARIO = new ObserverId("drillstartmario");

	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	static ConfigurableApplicationContext console;

	static String base;

	static HttpClient http;

	@BeforeAll
	static void start() throws Exception {
		data = Files.createTempDirectory("vigia-drill-start");
		telegram = new FakeTelegram();
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.redis.url=", "--vigia.redis.data-dir=" + data.resolve("redis"),
				"--vigia.redis.hash-secret=" + SECRET, "--vigia.redis.prefix=" + PREFIX, "--vigia.redis.command-timeout=3s",
				"--vigia.redis.connect-timeout=3s", "--spring.messages.basename=i18n/chat,i18n/bot",
				"--spring.config.import=");
		console = new SpringApplicationBuilder(VigiaAdminApplication.class).run("--server.port=0", "--vigia.redis.url=",
				"--vigia.redis.data-dir=" + data.resolve("redis"), "--vigia.redis.prefix=" + PREFIX,
				"--vigia.redis.hash-secret=" + SECRET, "--vigia.admin.username=ana",
				"--vigia.admin.password=a long password for ana", "--server.servlet.session.cookie.secure=false",
				"--vigia.redis.command-timeout=3s", "--vigia.redis.connect-timeout=3s");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) console).getWebServer().getPort();
		console.getBean(RedisNeighborhoodText.class).save(DispatchBrowserTests.oakland());
		bot.getBean(org.vigia.bot.neighborhood.NeighborhoodDirectory.class).reload();
		var observers = bot.getBean(RedisObserverStore.class);
		observers.save(new Observer(LUPE, "Lupe", Long.toString(LUPE_CHAT), false, "en", Instant.now()));
		observers.save(new Observer(MARIO, "Mario", Long.toString(MARIO_CHAT), false, "es", Instant.now()));
		// both in the middle of the neighborhood: within the dispatch radius of any point in it
		observers.onDuty(LUPE, GeoPoint.of(37.8080, -122.3005), Duration.ofHours(1));
		observers.onDuty(MARIO, GeoPoint.of(37.8082, -122.3003), Duration.ofHours(1));
		console.getBean(Accounts.class).create("dave", "daves long password", Accounts.Role.DISPATCHER);
		http = signedIn("dave", "daves long password");
	}

	@AfterAll
	static void stop() {
		if (console != null) {
			console.close();
		}
		if (bot != null) {
			bot.close();
		}
		if (telegram != null) {
			telegram.close();
		}
	}

	static HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();
	}

	static HttpClient signedIn(String username, String password) throws Exception {
		HttpClient client = client();
		String login = get(client, "/login", "en").body();
		var signIn = post(client, "/login", List.of(Map.entry("username", username), Map.entry("password", password),
				Map.entry("_csrf", csrf(login))));
		assertThat(signIn.headers().firstValue("Location")).as("signed in").hasValueSatisfying(l -> assertThat(l).endsWith("/incidents"));
		return client;
	}

	static HttpResponse<String> get(HttpClient client, String path, String language) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(HttpClient client, String path, List<Map.Entry<String, String>> form) throws Exception {
		String body = form.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return client.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("the page carries a CSRF token").isTrue();
		return token.group(1);
	}

	/** The value a form's checkbox sends for the choice labelled {@code label}. */
	static String choice(String page, String name, String label) {
		Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"[^>]*>\\s*<span>" + Pattern.quote(label) + "</span>")
			.matcher(page);
		assertThat(m.find()).as("%s is offered as %s", label, name).isTrue();
		return m.group(1);
	}

	/** Sends the drill form as the page gives it, with these fields. */
	static HttpResponse<String> startDrill(List<Map.Entry<String, String>> fields) throws Exception {
		String page = get(http, "/drills", "en").body();
		var form = new java.util.ArrayList<>(fields);
		form.add(Map.entry("_csrf", csrf(page)));
		return post(http, "/drills/start", form);
	}

	static long commands() {
		Long size = console.getBean(StringRedisTemplate.class).opsForStream().size(PREFIX + "commands");
		return size == null ? 0 : size;
	}

	static List<Incident> drillScenes() {
		return bot.getBean(RedisIncidentStore.class).open().stream().filter(i -> i.id().drill()).toList();
	}

	/** The drills page after the form sent the browser back to it. */
	static String followed(HttpResponse<String> sent) throws Exception {
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/drills"));
		return get(http, "/drills", "en").body();
	}

	@Test
	@Order(1)
	void aDispatcherStartsADrillForTheObserversTheyTickedAndOnlyTheyAreAsked() throws Exception {
		String page = get(http, "/drills", "en").body();
		assertThat(page).contains("Start a drill", "West Oakland", "<span>Lupe</span>", "<span>Mario</span>");
		String hood = choice(page, "neighborhood", "West Oakland");
		String lupe = choice(page, "observer", "Lupe");
		choice(page, "observer", "Mario");

		String after = followed(startDrill(List.of(Map.entry("scenes", "1"), Map.entry("minutes", "0"),
				Map.entry("neighborhood", hood), Map.entry("observer", lupe), Map.entry("reason", "Tuesday practice"))));

		assertThat(after).containsAnyOf("Drill: sent to the bot", "Drill: queued");
		Matcher command = Pattern.compile("data-command=\"([^\"]+)\"").matcher(after);
		assertThat(command.find()).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> get(http, "/commands/" + command.group(1), "en").body().contains("command-done"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.deliveredTo(LUPE_CHAT).isEmpty());
		assertThat(telegram.deliveredTo(LUPE_CHAT).get(0).text()).startsWith("<b>🧪 DRILL — not real</b>")
			.contains("Can you go and check?");
		assertThat(drillScenes()).singleElement()
			.satisfies(scene -> assertThat(scene.dispatch().asked()).as("only the participant").containsExactly(LUPE));
		assertThat(telegram.deliveredTo(MARIO_CHAT)).as("on duty, nearby, but not taking part").isEmpty();

		String report = get(http, "/drills", "en").body();
		String shown = report.substring(report.indexOf("id=\"drill-report\""));
		assertThat(shown).contains("Practice scenes", "data-scenes=\"1\"", "<td>Lupe</td>").doesNotContain("Mario")
			.doesNotContain(drillScenes().get(0).id().value());
		var redis = console.getBean(StringRedisTemplate.class);
		String participants = PREFIX + "drill:participants:" + drillScenes().get(0).id().value();
		assertThat(redis.opsForSet().members(participants)).containsExactly(LUPE.value());
		assertThat(redis.getExpire(participants, java.util.concurrent.TimeUnit.MILLISECONDS)).as("expires like the drill")
			.isPositive().isLessThanOrEqualTo(Duration.ofHours(12).toMillis());
		assertThat(console.getBean(ConsoleLog.class).auditLog("dave")).anySatisfy(entry -> {
			assertThat(entry.get("action")).isEqualTo("drill-start");
			assertThat(entry.get("reason")).isEqualTo("Tuesday practice");
		});
	}

	@Test
	@Order(2)
	void theLiveListAndTheMapMarkThePracticeSceneInBothLanguagesAndNotTheRealOne() throws Exception {
		Instant now = Instant.now();
		Incident real = bot.getBean(RedisIncidentAssigner.class).ingest(new Report(new ReportId("drillstartreal1"),
				ReportKind.CHECKPOINT, GeoPoint.of(37.8100, -122.2950), "Peralta St & 10th St", null, Recency.NOW, now, now,
				null, null, null, new Pseudonym("drillstartp1"), "en"), Duration.ofHours(1)).incident();
		String drill = drillScenes().get(0).id().value();

		String english = get(http, "/incidents/live", "en").body();
		String spanish = get(http, "/incidents/live", "es").body();

		assertThat(row(english, drill)).contains("data-drill=\"true\"", "class=\"badge badge-drill\">Drill</span>");
		assertThat(row(spanish, drill)).contains("class=\"badge badge-drill\">Simulacro</span>");
		assertThat(row(english, real.id().value())).contains("data-drill=\"false\"").doesNotContain("badge-drill");
		String map = get(http, "/map/incidents.json", "en").body();
		var items = tools.jackson.databind.json.JsonMapper.builder().build().readTree(map);
		for (var item : items) {
			boolean practice = item.get("id").asString().equals(drill);
			assertThat(item.get("drill").asBoolean()).as(item.get("id").asString()).isEqualTo(practice);
			assertThat(item.get("label").asString().startsWith("Drill · ")).as(item.get("label").asString()).isEqualTo(practice);
		}
		assertThat(items.size()).as("the practice scene and the real one").isEqualTo(2);
	}

	/** The row of one incident in the live list. */
	static String row(String list, String id) {
		int at = list.indexOf("data-id=\"" + id + "\"");
		assertThat(at).as("listed: %s", id).isPositive();
		int end = list.indexOf("</tr>", at);
		return list.substring(list.lastIndexOf("<tr", at), end);
	}

	@Test
	@Order(3)
	void absurdNumbersUnknownNeighborhoodsForgedObserversNobodyTickedOrNoReasonStartNothing() throws Exception {
		String page = get(http, "/drills", "en").body();
		String hood = choice(page, "neighborhood", "West Oakland");
		String lupe = choice(page, "observer", "Lupe");
		long before = commands();
		String numbers = "A drill has 1 to 20 practice scenes, over 0 to 240 minutes.";
		List<Map.Entry<String, List<Map.Entry<String, String>>>> forms = List.of(
				Map.entry(numbers, List.of(Map.entry("scenes", "500"), Map.entry("minutes", "30"), Map.entry("observer", lupe),
						Map.entry("reason", "r"))),
				Map.entry(numbers, List.of(Map.entry("scenes", "0"), Map.entry("minutes", "30"), Map.entry("observer", lupe),
						Map.entry("reason", "r"))),
				Map.entry(numbers, List.of(Map.entry("scenes", "2"), Map.entry("minutes", "-5"), Map.entry("observer", lupe),
						Map.entry("reason", "r"))),
				Map.entry(numbers, List.of(Map.entry("scenes", "two"), Map.entry("minutes", "9999"),
						Map.entry("observer", lupe), Map.entry("reason", "r"))),
				Map.entry("One of the neighborhoods chosen does not exist", List.of(Map.entry("scenes", "2"),
						Map.entry("minutes", "30"), Map.entry("neighborhood", hood), Map.entry("neighborhood", "atlantis"),
						Map.entry("observer", lupe), Map.entry("reason", "r"))),
				Map.entry("One of the observers chosen is not registered", List.of(Map.entry("scenes", "2"),
						Map.entry("minutes", "30"), Map.entry("observer", lupe), Map.entry("observer", "forgedobserver1"),
						Map.entry("reason", "r"))),
				Map.entry("Tick at least one observer", List.of(Map.entry("scenes", "2"), Map.entry("minutes", "30"),
						Map.entry("reason", "r"))),
				Map.entry("Please give a reason", List.of(Map.entry("scenes", "2"), Map.entry("minutes", "30"),
						Map.entry("observer", lupe))));
		int scenes = drillScenes().size();

		for (var form : forms) {
			assertThat(followed(startDrill(form.getValue()))).as(form.getKey()).contains(form.getKey())
				.doesNotContain("sent to the bot", "Drill: queued");
		}

		assertThat(commands()).as("nothing was sent to the bot").isEqualTo(before);
		assertThat(drillScenes()).hasSize(scenes);
	}

	@Test
	@Order(4)
	void aFormWithoutItsTokenOrFromSomeoneSignedOutStartsNothing() throws Exception {
		long before = commands();
		var fields = List.of(Map.entry("scenes", "1"), Map.entry("minutes", "0"), Map.entry("reason", "forged"),
				Map.entry("observer", LUPE.value()));

		assertThat(post(http, "/drills/start", fields).statusCode()).as("no CSRF token").isEqualTo(403);
		assertThat(post(client(), "/drills/start", fields).statusCode()).as("no session, no token").isEqualTo(403);
		// signed out, with the token the login page gave: sent to sign in, nothing done
		HttpClient signedOut = client();
		var withToken = new java.util.ArrayList<>(fields);
		withToken.add(Map.entry("_csrf", csrf(get(signedOut, "/login", "en").body())));
		var anonymous = post(signedOut, "/drills/start", withToken);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));

		assertThat(commands()).isEqualTo(before);
	}

	@Test
	@Order(5)
	void theBotRefusesAForgedDrillCommandWithTheReasonAndStartsNothing() {
		var log = console.getBean(ConsoleLog.class);
		int scenes = bot.getBean(RedisDrills.class).scenes().size();
		Map<String, Map<String, String>> forged = new java.util.LinkedHashMap<>();
		forged.put("scenes", Map.of("scenes", "99", "minutes", "0"));
		forged.put("neighborhood", Map.of("scenes", "1", "minutes", "0", "neighborhoods", "atlantis"));
		forged.put("observer", Map.of("scenes", "1", "minutes", "0", "observers", "ghostobserver"));
		forged.put("garbage", Map.of("scenes", "1", "minutes", "0", "observers", "<script>"));

		for (var command : forged.entrySet()) {
			String id = log.command("dave", "drill-start", command.getValue(), "forged");
			var answer = log.answer(id, Duration.ofSeconds(20));
			assertThat(answer).as(command.getKey()).hasValueSatisfying(a -> assertThat(a.get("type")).isEqualTo("command-failed"));
		}

		assertThat(bot.getBean(RedisDrills.class).scenes()).hasSize(scenes);
		assertThat(telegram.deliveredTo(MARIO_CHAT)).isEmpty();
	}

	@Test
	@Order(6)
	void inABrowserTheFormStartsADrillAndThePageShowsItsAnswerAndItsSceneWithoutAReload() {
		var browser = Chromium.start(data.resolve("chromium"), 1280, 900);
		try {
			var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.ignoring(org.openqa.selenium.NoSuchElementException.class);
			browser.get(base + "/login");
			browser.findElement(org.openqa.selenium.By.name("username")).sendKeys("dave");
			browser.findElement(org.openqa.selenium.By.name("password")).sendKeys("daves long password");
			browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
			wait.until(d -> d.getCurrentUrl().endsWith("/incidents"));
			browser.get(base + "/drills");
			wait.until(d -> "1".equals(d.findElement(org.openqa.selenium.By.id("drill-timeline")).getDomAttribute("data-drawn")));

			var scenes = browser.findElement(org.openqa.selenium.By.id("drill-scenes"));
			scenes.clear();
			scenes.sendKeys("1");
			var minutes = browser.findElement(org.openqa.selenium.By.id("drill-minutes"));
			minutes.clear();
			minutes.sendKeys("0");
			browser.findElement(org.openqa.selenium.By.cssSelector("input[name=observer][value='" + MARIO.value() + "']")).click();
			browser.findElement(org.openqa.selenium.By.id("drill-reason")).sendKeys("practice from the browser");
			browser.findElement(org.openqa.selenium.By.cssSelector("#drill-start button[type=submit]")).click();

			wait.until(d -> d.findElement(org.openqa.selenium.By.cssSelector("p.notice")).getText().contains("Drill: "));
			browser.executeScript("window.notReloaded = true;");
			wait.until(d -> d.findElement(org.openqa.selenium.By.id("command-result")).getText()
				.contains("The bot started the drill"));
			wait.until(d -> "2".equals(d.findElement(org.openqa.selenium.By.id("drill-timeline")).getDomAttribute("data-drawn")));
			assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
			assertThat(drillScenes()).hasSize(2)
				.allSatisfy(scene -> assertThat(scene.dispatch().asked()).doesNotContain(MARIO));
		}
		finally {
			browser.quit();
		}
	}

}
