package org.vigia.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.vigia.store.SignalCaptchaFlag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signal's captcha banner and the admins' captcha page in a real headless Chromium: the banner is seen on
 * every page while the bot holds Signal messages, readable at a phone's width, and neither page has a serious
 * or critical accessibility violation (axe-core). Screenshots go to admin/target/screenshots.
 */
class SignalCaptchaBrowserTests {

	static final Path SHOTS = Path.of("target", "screenshots");

	static Path data;

	static ConfigurableApplicationContext console;

	static ChromeDriver browser;

	static String base;

	@BeforeAll
	static void start() throws IOException {
		data = Files.createTempDirectory("vigia-captcha-browser");
		console = new SpringApplicationBuilder(VigiaAdminApplication.class).run("--server.port=0", "--vigia.redis.url=",
				"--vigia.redis.data-dir=" + data.resolve("redis"), "--vigia.redis.prefix=vigia-captcha-browser:",
				"--vigia.redis.hash-secret=captcha-browser-secret-0123456789", "--vigia.admin.username=ana",
				"--vigia.admin.password=a long password for ana", "--server.servlet.session.cookie.secure=false",
				"--vigia.redis.command-timeout=3s", "--vigia.redis.connect-timeout=3s");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) console).getWebServer().getPort();
		console.getBean(SignalCaptchaFlag.class).raise(new SignalCaptchaFlag.Hold(Instant.now().minusSeconds(300), 7));
		browser = Chromium.start(data.resolve("chromium"), 1280, 900);
		Files.createDirectories(SHOTS);
		browser.get(base + "/login");
		find("input[name=username]").sendKeys("ana");
		find("input[name=password]").sendKeys("a long password for ana");
		find("button[type=submit]").click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/incidents"));
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (console != null) {
			console.close();
		}
	}

	@Test
	void anAdminSeesTheBannerOnTheIncidentsPageAndReachesTheCaptchaPageFromIt() {
		browser.get(base + "/incidents");
		WebElement banner = find("#captcha-banner");
		assertThat(banner.isDisplayed()).isTrue();
		assertThat(banner.getText()).contains("Signal").contains("7");
		banner.findElement(By.cssSelector("a[href$='/signal-captcha']")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/signal-captcha"));
		assertThat(find("main h1").getText()).isNotBlank();
		assertThat(find("main form textarea#captcha").isDisplayed()).as("a field for the link").isTrue();
		shot("signal-captcha");
	}

	@Test
	void theBannerAndTheCaptchaPageHaveNoSeriousOrCriticalAccessibilityViolation() throws IOException {
		String axe;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (String page : List.of("/incidents", "/signal-captcha")) {
			browser.get(base + page);
			find("main h1");
			((JavascriptExecutor) browser).executeScript(axe);
			assertThat(Chromium.seriousAccessibilityViolations(browser)).as("serious or critical violations on %s", page)
				.isEmpty();
		}
	}

	@Test
	void theCaptchaPageFitsAPhone() throws IOException {
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			browser.get(base + "/signal-captcha");
			find("main h1");
			long overflow = ((Number) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
			assertThat(overflow).as("sideways scrolling").isLessThanOrEqualTo(0);
			shot("signal-captcha-phone");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	static WebElement find(String css) {
		return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(css)));
	}

	static void shot(String name) {
		try {
			Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
