package org.vigia.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanyPlaces;
import org.vigia.core.accompany.AccompanyRequest;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentKind;
import org.vigia.core.accompany.CheckInKind;
import org.vigia.core.accompany.Recognition;
import org.vigia.core.accompany.Venue;
import org.vigia.core.messaging.Address;
import org.vigia.store.RedisAccompanierStore;
import org.vigia.store.RedisAppointmentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accompaniment pages in a real headless Chromium, beside the real bot on the same Redis: a coordinator sees
 * the appointments not covered first, highlighted 24 and 48 hours before, and by day; assigns an accompanier by
 * hand and closes a detention case, each with a reason, carried out by the bot and audited; never sees the
 * address or the description of the person who asked. Screenshots go to admin/target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccompanimentBrowserTests {

	static final String SECRET = "accompany-browser-secret-0123456789";

	static final String PREFIX = "vigia-accbrowser:";

	static final Path SHOTS = Path.of("target", "screenshots");

	static final long PERSON = 7_000_555_123L;

	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext bot;

	static ConfigurableApplicationContext console;

	static ChromeDriver browser;

	static String base;

	static Appointment tomorrow;

	static Appointment inTwoDays;

	static Appointment covered;

	static Appointment nextWeek;

	static Appointment detained;

	static Appointment nobodyCheckedIn;

	@BeforeAll
	static void start() throws IOException {
		data = Files.createTempDirectory("vigia-accompany");
		Path places = data.resolve("places.geojson");
		try (InputStream in = AccompanimentBrowserTests.class.getResourceAsStream("/geo/sample-places.geojson")) {
			Files.copy(in, places);
		}
		telegram = new FakeTelegram();
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.redis.url=", "--vigia.redis.data-dir=" + data.resolve("redis"),
				"--vigia.redis.hash-secret=" + SECRET, "--vigia.redis.prefix=" + PREFIX, "--vigia.bot.places-file=" + places,
				"--vigia.redis.command-timeout=3s", "--vigia.redis.connect-timeout=3s",
				"--spring.messages.basename=i18n/chat,i18n/bot,i18n/accompany", "--spring.config.import=");
		console = new SpringApplicationBuilder(VigiaAdminApplication.class).run("--server.port=0", "--vigia.redis.url=",
				"--vigia.redis.data-dir=" + data.resolve("redis"), "--vigia.redis.prefix=" + PREFIX,
				"--vigia.redis.hash-secret=" + SECRET, "--vigia.admin.username=ana",
				"--vigia.admin.password=a long password for ana", "--server.servlet.session.cookie.secure=false",
				"--vigia.admin.timezone=America/Chicago", "--vigia.admin.accompaniment.places-file=" + places,
				"--vigia.redis.command-timeout=3s", "--vigia.redis.connect-timeout=3s");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) console).getWebServer().getPort();
		seed();
		browser = Chromium.start(data.resolve("chromium"), 1280, 900);
		Files.createDirectories(SHOTS);
		browser.get(base + "/login");
		find("input[name=username]").sendKeys("ana");
		find("input[name=password]").sendKeys("a long password for ana");
		find("button[type=submit]").click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/incidents"));
	}

	/** Accompaniers and appointments as the bot will store them: through the same store. */
	static void seed() {
		var places = console.getBean(AccompanyPlaces.class).all();
		var court = places.stream().filter(p -> p.place().kind().equals("court")).findFirst().orElseThrow();
		var office = places.stream().filter(p -> p.place().kind().equals("ice_office")).findFirst().orElseThrow();
		var accompaniers = console.getBean(RedisAccompanierStore.class);
		accompaniers.save(new Accompanier(new AccompanierId("ana"), "Ana", Set.of("es", "en"), Set.of(court.key()),
				Address.telegramChat(7_100_000_001L)));
		accompaniers.save(new Accompanier(new AccompanierId("ben"), "Ben", Set.of("en"), Set.of(Venue.ELSEWHERE),
				Address.telegramChat(7_100_000_002L)));
		accompaniers.save(new Accompanier(new AccompanierId("cruz"), "Cruz", Set.of("es"),
				Set.of(office.key(), court.key()), Address.telegramChat(7_100_000_003L)));
		Venue atCourt = Venue.listed(court.key(), court.place().name(), court.place().address());
		Venue atOffice = Venue.listed(office.key(), office.place().name(), office.place().address());
		Instant now = Instant.now();
		tomorrow = create(AppointmentKind.ICE_CHECK_IN, atOffice, now.plus(Duration.ofHours(20)), "es", 1);
		inTwoDays = assign(create(AppointmentKind.COURT_HEARING, atCourt, now.plus(Duration.ofHours(40)), "es", 2), "cruz");
		covered = assign(create(AppointmentKind.OTHER, Venue.typed("500 S State St, Chicago"),
				now.plus(Duration.ofDays(5)), "en", 1), "ben");
		nextWeek = create(AppointmentKind.COURT_HEARING, atCourt, now.plus(Duration.ofDays(8)), "es", 1);
		detained = assign(create(AppointmentKind.ICE_CHECK_IN, atOffice, now.plus(Duration.ofHours(1)), "es", 1), "ana");
		nobodyCheckedIn = Appointment.open(AppointmentId.random(), new AccompanyRequest(AppointmentKind.COURT_HEARING,
				atCourt, now.minus(Duration.ofMinutes(40)), "es", 1, new Recognition("Rosa, chaqueta roja"),
				Address.telegramChat(PERSON), now.minus(Duration.ofDays(2))));
		console.getBean(RedisAppointmentStore.class).create(nobodyCheckedIn);
		nobodyCheckedIn = assign(nobodyCheckedIn, "cruz");
		var store = console.getBean(RedisAppointmentStore.class);
		store.update(detained.id(), a -> a.checkIn(new AccompanierId("ana"), CheckInKind.MET, Instant.now()));
		store.update(detained.id(), a -> a.checkIn(new AccompanierId("ana"), CheckInKind.DETAINED, Instant.now()));
	}

	static Appointment create(AppointmentKind kind, Venue venue, Instant at, String language, int companions) {
		var a = Appointment.open(AppointmentId.random(), new AccompanyRequest(kind, venue, at, language, companions,
				new Recognition("Rosa, chaqueta roja"), Address.telegramChat(PERSON), Instant.now()));
		console.getBean(RedisAppointmentStore.class).create(a);
		return a;
	}

	static Appointment assign(Appointment a, String accompanier) {
		return console.getBean(RedisAppointmentStore.class)
			.update(a.id(), x -> x.assignByHand(new AccompanierId(accompanier), Instant.now()))
			.orElseThrow()
			.appointment();
	}

	static Appointment stored(Appointment a) {
		return console.getBean(RedisAppointmentStore.class).find(a.id()).orElseThrow();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
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

	static WebElement find(String css) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.cssSelector(css)));
	}

	/** Waits until an element shows this text, across page loads (old elements go stale). */
	static void waitText(String css, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.until(d -> d.findElement(By.cssSelector(css)).getText().contains(text));
	}

	static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	static void shot(String name) throws IOException {
		Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	static String id(Appointment a) {
		return a.id().value();
	}

	@Test
	@Order(1)
	void appointmentsNotCoveredComeFirstHighlightedTwentyFourAndFortyEightHoursBeforeAndByDay() throws IOException {
		browser.get(base + "/appointments");
		find("table.appointments");
		shot("appointments");

		var rows = browser.findElements(By.cssSelector("table.appointments tbody tr"));
		assertThat(rows).extracting(r -> r.getAttribute("data-id"))
			.containsExactly(id(tomorrow), id(inTwoDays), id(nextWeek), id(nobodyCheckedIn), id(detained), id(covered));
		assertThat(rows).extracting(r -> r.getAttribute("data-coverage"))
			.containsExactly("UNCOVERED_24H", "UNCOVERED_48H", "UNCOVERED", "COVERED", "COVERED", "COVERED");
		assertThat(rows.get(0).getText()).contains("ICE check-in").contains("ICE Chicago Field Office")
			.contains("Spanish").contains("Within 24 h, 0 of 1 accompaniers");
		assertThat(rows.get(1).getText()).contains("Within 48 h, 1 of 2 accompaniers");
		assertThat(rows.get(3).getText()).contains("Nobody checked in 30 min after the time");
		assertThat(rows.get(4).getText()).contains("Detained").doesNotContain("Nobody checked in");
		assertThat(browser.findElements(By.cssSelector(".no-check-in"))).hasSize(1);
		assertThat(rows.get(0).getCssValue("background-color")).isNotEqualTo(rows.get(5).getCssValue("background-color"));
		var days = browser.findElements(By.cssSelector("section.day h3"));
		assertThat(days).hasSizeGreaterThanOrEqualTo(3);
		assertThat(browser.findElements(By.cssSelector("section.day li"))).hasSize(6);
		assertThat(browser.getPageSource()).doesNotContain("Rosa").doesNotContain(Long.toString(PERSON));
	}

	@Test
	@Order(2)
	void aCoordinatorAssignsAnAccompanierByHandWithAReasonAndTheBotCarriesItOut() throws IOException {
		browser.get(base + "/appointments/" + id(tomorrow));
		find("#accompanier");
		assertThat(find("h1").getText()).contains("ICE check-in");
		assertThat(browser.getPageSource()).contains("101 W Congress Pkwy").contains("Harold Washington Library")
			.doesNotContain("Rosa").doesNotContain(Long.toString(PERSON));
		var options = new Select(find("#accompanier")).getOptions();
		assertThat(options.get(0).getText()).isEqualTo("Cruz");
		assertThat(options).extracting(WebElement::getText).contains("Ana (other language or place)");

		new Select(find("#accompanier")).selectByValue("cruz");
		find("#assign-reason").sendKeys("Cruz knows the office; nobody answered");
		find("#assign-heading ~ form button[type=submit]").click();

		waitText("p.notice", "Assignment:");
		Awaitility.await().atMost(Duration.ofSeconds(15))
			.until(() -> stored(tomorrow).assigned().equals(List.of(new AccompanierId("cruz"))));
		browser.get(base + "/appointments/" + id(tomorrow));
		assertThat(find("#assigned").getText()).isEqualTo("Cruz");
		assertThat(browser.findElements(By.cssSelector("#accompanier"))).as("covered: no more to assign").isEmpty();
		assertThat(find("table").getText()).contains("Assigned by a coordinator");
		shot("appointment");
		assertThat(console.getBean(ConsoleLog.class).auditLog(id(tomorrow)))
			.anyMatch(e -> "accompany-assign".equals(e.get("action")) && "ana".equals(e.get("user"))
					&& "Cruz knows the office; nobody answered".equals(e.get("reason")));
	}

	@Test
	@Order(3)
	void aForgedAccompanierOrAMissingReasonIsRefusedAndSendsNothing() {
		var audit = console.getBean(ConsoleLog.class);
		int before = audit.auditLog(id(nextWeek)).size();
		browser.get(base + "/appointments/" + id(nextWeek));
		find("#accompanier");
		js("const o = document.createElement('option'); o.value = 'mallory'; o.text = 'x';"
				+ "document.getElementById('accompanier').add(o); document.getElementById('accompanier').value = 'mallory';");
		find("#assign-reason").sendKeys("trying");
		find("#assign-heading ~ form button[type=submit]").click();
		waitText("p.error", "That action is not possible.");

		js("document.getElementById('assign-reason').removeAttribute('required');");
		find("#assign-heading ~ form button[type=submit]").click();
		waitText("p.error", "Please give a reason");

		assertThat(audit.auditLog(id(nextWeek))).hasSize(before);
		assertThat(stored(nextWeek).assigned()).isEmpty();
	}

	@Test
	@Order(4)
	void aCoordinatorClosesADetentionCaseWithAReason() throws IOException {
		browser.get(base + "/cases");
		find("main table");
		assertThat(browser.findElements(By.cssSelector("main table tbody tr"))).extracting(r -> r.getAttribute("data-id"))
			.containsExactly(id(detained));
		assertThat(find("main table tbody tr").getText()).contains("Open");
		shot("cases");
		browser.get(base + "/appointments/" + id(detained));
		assertThat(find("#case-state").getText()).isEqualTo("Open");
		assertThat(find("main ul").getText()).contains("Ana: Met the person").contains("Ana: Detained");

		find("#close-reason").sendKeys("Released on bond; family informed by the legal aid line");
		find("#case-heading ~ form button[type=submit]").click();
		waitText("p.notice", "Closing the case:");

		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !stored(detained).detention().open());
		assertThat(stored(detained).detention().closeReason())
			.isEqualTo("Released on bond; family informed by the legal aid line");
		browser.get(base + "/appointments/" + id(detained));
		assertThat(find("#case-state").getText()).contains("Closed on").contains("Released on bond");
		assertThat(browser.findElements(By.cssSelector("#close-reason"))).isEmpty();
	}

	@Test
	@Order(5)
	void accompaniersAreListedWithTheirLanguagesAndPlacesByName() throws IOException {
		browser.get(base + "/accompaniers");
		find("main table");
		shot("accompaniers");
		String text = find("main table").getText();
		assertThat(text).contains("Ana").contains("English, Spanish").contains("Chicago Immigration Court");
		assertThat(text).contains("Ben").contains("Other addresses");
		assertThat(text).contains("Cruz").contains("ICE Chicago Field Office");
		assertThat(browser.getPageSource()).doesNotContain("7100000001");
	}

	@Test
	@Order(6)
	void everyAccompanimentPageHasATitleALanguageAndNoSeriousOrCriticalAccessibilityViolation() throws IOException {
		String axe;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var titles = new java.util.HashSet<String>();
		for (String page : List.of("/appointments", "/appointments/" + id(nextWeek), "/appointments/" + id(detained),
				"/cases", "/accompaniers")) {
			browser.get(base + page);
			find("main h1");
			assertThat(js("return document.documentElement.lang;")).as(page).isEqualTo("en");
			assertThat(titles.add(browser.getTitle())).as("a title of its own: %s", page).isTrue();
			js(axe);
			var violations = Chromium.seriousAccessibilityViolations(browser);
			assertThat(violations).as("serious or critical violations on %s", page).isEmpty();
		}
	}

	@Test
	@Order(7)
	void everyAccompanimentPageFitsAPhone() throws IOException {
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			var pages = Map.of("appointments-phone", "/appointments", "appointment-phone", "/appointments/" + id(nextWeek),
					"cases-phone", "/cases", "accompaniers-phone", "/accompaniers");
			for (var page : pages.entrySet()) {
				browser.get(base + page.getValue());
				find("main h1");
				long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
				assertThat(overflow).as("sideways scrolling on %s", page.getValue()).isLessThanOrEqualTo(0);
				shot(page.getKey());
			}
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

}
