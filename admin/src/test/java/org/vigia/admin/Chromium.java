package org.vigia.admin;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests, found the way a developer's machine or CI has it: the
 * system properties {@code chromium.binary} and {@code chromedriver.binary} (or the environment variables
 * {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}) when set, else the first of {@code chromium},
 * {@code chromium-browser}, {@code google-chrome} and {@code chromedriver} on the PATH.
 */
final class Chromium {

	private Chromium() {
	}

	static ChromeDriver start(Path userData, int width, int height) {
		var options = new ChromeOptions();
		options.setBinary(find("chromium.binary", "CHROMIUM_BIN", "chromium", "chromium-browser", "google-chrome",
				"google-chrome-stable"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--user-data-dir=" + userData, "--window-size=" + width + "," + height,
				"--lang=en-US");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		var service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(find("chromedriver.binary", "CHROMEDRIVER_BIN", "chromedriver")))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	static String find(String property, String variable, String... names) {
		String set = Optional.ofNullable(System.getProperty(property)).orElse(System.getenv(variable));
		if (set != null && !set.isBlank()) {
			return set;
		}
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		for (String name : names) {
			for (String dir : path.split(File.pathSeparator)) {
				Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
				if (Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		throw new IllegalStateException("None of " + List.of(names) + " is on the PATH; install Chromium and its driver "
				+ "(Debian: chromium chromium-driver) or set -D" + property + " / " + variable);
	}

	/**
	 * Runs axe-core (its source already loaded into the page) on the page and answers its violations of the
	 * serious and critical kinds: id, impact and the first three elements of each.
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> seriousAccessibilityViolations(ChromeDriver browser) {
		return (List<Map<String, Object>>) browser.executeAsyncScript("const done = arguments[0]; axe.run(document).then("
				+ "r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
				+ ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }))));");
	}

}
