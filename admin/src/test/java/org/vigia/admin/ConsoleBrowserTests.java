package org.vigia.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.bot.VigiaBotApplication;
import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.store.RedisEndpoint;
import org.vigia.store.RedisIncidentAssigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium (found by {@link Chromium}: Debian's chromium and chromium-driver,
 * which .ci/run installs),
 * beside the real bot on the same Redis and a fake Telegram Bot API: what a dispatcher does in the browser
 * reaches Telegram. Each page is saved as a screenshot under admin/target/screenshots (docs/ holds copies).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

	static final Path SHOTS = Path.of("target", "screenshots");

	static Path data;

	static FakeTelegram telegram;

	static ConfigurableApplicationContext console;

	static ConfigurableApplicationContext bot;

	static WebDriver browser;

	static String base;

	@BeforeAll
	static void start() throws IOException {
		data = Files.createTempDirectory("vigia-browser");
		telegram = new FakeTelegram();
		console = new SpringApplicationBuilder(VigiaAdminApplication.class).run("--server.port=0", "--vigia.redis.url=",
				"--vigia.redis.data-dir=" + data.resolve("redis"), "--vigia.redis.prefix=vigia-browser:",
				"--vigia.redis.hash-secret=browser-test-secret-0123456789", "--vigia.admin.username=ana",
				"--vigia.admin.password=a long password for ana", "--server.servlet.session.cookie.secure=false");
		int redisPort = console.getBean(RedisEndpoint.class).embedded().port();
		bot = new SpringApplicationBuilder(VigiaBotApplication.class).run("--server.port=0",
				"--vigia.telegram.token=" + FakeTelegram.TOKEN, "--vigia.telegram.api-url=" + telegram.url(),
				"--vigia.telegram.poll-timeout=2s", "--vigia.redis.url=redis://127.0.0.1:" + redisPort,
				"--vigia.redis.hash-secret=browser-test-secret-0123456789", "--vigia.redis.prefix=vigia-browser:",
				// both applications have an application.yml; on this shared classpath the console's wins
				"--spring.messages.basename=i18n/chat,i18n/bot", "--spring.config.import=");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) console).getWebServer().getPort();
		browser = Chromium.start(data.resolve("chromium"), 1280, 900);
		Files.createDirectories(SHOTS);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (bot != null) {
			bot.close();
		}
		if (console != null) {
			console.close();
		}
		telegram.close();
	}

	static WebElement find(String css) {
		return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(css)));
	}

	/** Waits until an element shows this text, across page loads (old elements go stale). */
	static void waitText(String css, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.until(d -> d.findElement(By.cssSelector(css)).getText().contains(text));
	}

	static void shot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SHOTS.resolve(name + ".png"), png);
	}

	static String counties() throws IOException {
		try (InputStream in = ConsoleBrowserTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Puts text into a textarea without typing it key by key. */
	static void fill(WebElement textarea, String text) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", textarea, text);
	}

	@Test
	@Order(1)
	void aDispatcherSignsIn() throws IOException {
		browser.get(base + "/incidents");
		find("input[name=username]");
		shot("login");
		find("input[name=username]").sendKeys("ana");
		find("input[name=password]").sendKeys("a long password for ana");
		find("button[type=submit]").click();

		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/incidents"));
		assertThat(find("h1").getText()).isEqualTo("Open incidents");
	}

	@Test
	@Order(2)
	void aBadGeoJsonShowsItsErrorAndSavesNothing() throws IOException {
		browser.get(base + "/neighborhoods");
		fill(find("textarea[name=geojson]"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
				+ "\"properties\":{\"name\":\"Loop\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-87.6,41.8]}}]}");
		find("button[value=check]").click();

		waitText(".error", "feature 1 (\"Loop\"): the geometry is a Point");
		assertThat(find("main").getText()).contains("0 neighborhoods in use");
	}

	@Test
	@Order(3)
	void anUploadedGeoJsonIsShownOnTheMapBeforeAndAfterSaving() throws IOException {
		browser.get(base + "/neighborhoods");
		fill(find("textarea[name=geojson]"), counties());
		find("button[value=check]").click();
		WebElement preview = find("#preview");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "8".equals(preview.getDomAttribute("data-neighborhoods")));
		assertThat(browser.findElements(By.cssSelector("#preview path.leaflet-interactive"))).hasSize(8);
		shot("neighborhoods");

		find("button[value=save]").click();
		waitText(".notice", "Saved 8 neighborhoods");
		browser.findElements(By.cssSelector("form[action$='/neighborhoods/test-post'] button")).get(0).click();
		waitText("p.notice", "The bot posted a test message in @vigia_sample_");
		assertThat(telegram.calls("sendMessage")).anyMatch(c -> c.text().contains("test post"));
		browser.get(base + "/incidents");
		WebElement map = find("#map");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "8".equals(map.getDomAttribute("data-neighborhoods")));
	}

	@Test
	@Order(4)
	void anInviteCodeIsCreated() throws IOException {
		browser.get(base + "/observers");
		find("#invite-reason").sendKeys("for Marta, trained on Saturday");
		find("form[action$='/observers/invite'] button").click();

		waitText(".notice", "New invite code");
		assertThat(find(".notice").getText()).matches("(?s).*: [A-Z2-9]{10}");
		shot("observers");
	}

	@Test
	@Order(5)
	void confirmingAnIncidentInTheConsolePostsTheAlertThroughTheBot() throws IOException {
		Instant now = Instant.now();
		var report = new Report(new ReportId("browserreport1"), ReportKind.DETENTION, GeoPoint.of(30.2672, -97.7431),
				"Congress Ave & 6th St", null, Recency.NOW, now, now, Sighting.UNKNOWN, null, null, new Pseudonym("pb1"), "es");
		Incident incident = bot.getBean(RedisIncidentAssigner.class).ingest(report, Duration.ofHours(1)).incident();
		bot.getBean(org.vigia.bot.neighborhood.NeighborhoodDirectory.class).reload();

		browser.get(base + "/incidents");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> "1".equals(d.findElement(By.id("map")).getDomAttribute("data-incidents")));
		shot("incidents-counties");
		browser.get(base + "/incidents/" + incident.id());
		find("details.decision summary").click();
		find("#reason-confirm").sendKeys("hotline call from a lawyer on site");
		find("form[action$='/confirm'] button").click();
		// the page says "sent to the bot", then shows the new state by itself when the bot reports the change

		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> telegram.sentTo("@vigia_sample_travis").size() == 1);
		assertThat(telegram.sentTo("@vigia_sample_travis").get(0).text()).contains("VERIFICADO").contains("Congress Ave");
		waitText("main", "Confirmed and posted");
		// the page may still reload once for the bot's events: fill the form on the settled page
		new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.until(d -> {
				d.findElement(By.cssSelector("textarea[name=text]")).sendKeys("Agents moved two blocks north, to 8th St");
				d.findElement(By.cssSelector("form[action$='/correct'] input[name=reason]")).sendKeys("observer update");
				d.findElement(By.cssSelector("form[action$='/correct'] button")).click();
				return true;
			});
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> telegram.calls("editMessageText").stream()
			.anyMatch(c -> c.text().contains("Agents moved two blocks north")));
		waitText("#command-result", "The bot edited the channel posts");
		shot("incident-corrected");
		browser.get(base + "/audit");
		waitText("main", "hotline call from a lawyer on site");
		assertThat(find("main").getText()).contains("ana");
		shot("audit");
		browser.get(base + "/stats");
		assertThat(find("main").getText()).contains("on duty now");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.cssSelector("#chart-outcomes")).getDomAttribute("data-drawn") != null);
		shot("stats-after-confirm");
	}

	@Test
	@Order(6)
	void aDispatcherCannotOpenAdminPagesAndWrongPasswordsMakeThisBrowserWait() throws IOException {
		console.getBean(Accounts.class).create("dave", "daves long password", Accounts.Role.DISPATCHER);
		browser.manage().deleteAllCookies();
		browser.get(base + "/login");
		find("input[name=username]").sendKeys("dave");
		find("input[name=password]").sendKeys("daves long password");
		find("button[type=submit]").click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/incidents"));
		browser.get(base + "/neighborhoods");
		assertThat(find("body").getText()).contains("Your account cannot open this page").doesNotContain("Whitelabel");

		browser.manage().deleteAllCookies();
		for (int i = 0; i < 6; i++) {
			browser.get(base + "/login");
			find("input[name=username]").sendKeys("dave");
			find("input[name=password]").sendKeys("guess " + i);
			find("button[type=submit]").click();
			new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login?"));
		}
		waitText(".error", "Too many failed attempts");
		shot("login-locked");
	}

	@Test
	@Order(7)
	void theConsoleIsUsableOnAPhone() throws IOException {
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.manage().deleteAllCookies();
		browser.get(base + "/login");
		find("input[name=username]").sendKeys("ana");
		find("input[name=password]").sendKeys("a long password for ana");
		find("button[type=submit]").click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/incidents"));
		find("#map");
		shot("incidents-counties-phone");
		assertThat(find("header").getSize().getWidth()).isLessThanOrEqualTo(390);
	}

}
