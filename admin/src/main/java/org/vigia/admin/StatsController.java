package org.vigia.admin;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.vigia.core.observer.ObserverStore;
import org.vigia.core.stats.Stats;

/**
 * The stats page: reports per hour (last 24 hours, in the network's zone), how long scenes waited from their
 * first report to a verdict (last 7 days, in bands), and incidents by outcome (last 24 hours); as charts
 * (uPlot) with the same figures in tables, and each as a CSV download. Aggregate counts only, no ids.
 */
@Controller
class StatsController {

	/** Upper bounds (minutes) of the bands of time to a verdict; the last band is open. */
	static final long[] BANDS = { 5, 10, 20, 30, 60 };

	private static final DateTimeFormatter UTC_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH");

	private final Stats stats;

	private final ObserverStore observers;

	private final MessageSource messages;

	private final ZoneId zone;

	StatsController(Stats stats, ObserverStore observers, MessageSource messages, AdminProperties properties) {
		this.stats = stats;
		this.observers = observers;
		this.messages = messages;
		this.zone = properties.zone();
	}

	/** Reports per hour, oldest first, labelled with the hour in the network's zone ("yyyy-MM-dd HH:00"). */
	Map<String, Long> reportsPerHour() {
		var out = new LinkedHashMap<String, Long>();
		stats.lastHours(24).forEach((hour, counts) -> {
			var at = LocalDateTime.parse(hour, UTC_HOUR).toInstant(ZoneOffset.UTC);
			out.put(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(zone).format(at),
					counts.getOrDefault("reports", 0L));
		});
		return out;
	}

	/** Scenes by time from the first report to a verdict, in bands ("under 5 min", …), last 7 days. */
	Map<String, Long> verdictTimes(Locale locale) {
		long[] counts = new long[BANDS.length + 1];
		for (long seconds : stats.values("verdict-seconds", 7)) {
			int band = 0;
			while (band < BANDS.length && seconds >= BANDS[band] * 60) {
				band++;
			}
			counts[band]++;
		}
		var out = new LinkedHashMap<String, Long>();
		for (int i = 0; i <= BANDS.length; i++) {
			String label = i == 0 ? messages.getMessage("console.stats.band.first", new Object[] { BANDS[0] }, locale)
					: i == BANDS.length ? messages.getMessage("console.stats.band.last", new Object[] { BANDS[i - 1] }, locale)
							: messages.getMessage("console.stats.band", new Object[] { BANDS[i - 1], BANDS[i] }, locale);
			out.put(label, counts[i]);
		}
		return out;
	}

	/** Incidents by outcome in the last 24 hours, in words. */
	Map<String, Long> outcomes(Locale locale) {
		var byState = new TreeMap<String, Long>();
		stats.lastHours(24).values().forEach(counts -> counts.forEach((metric, count) -> {
			if (metric.startsWith("incidents-") && !"incidents-opened".equals(metric)) {
				byState.merge(metric.substring("incidents-".length()).toUpperCase(Locale.ROOT), count, Long::sum);
			}
		}));
		var out = new LinkedHashMap<String, Long>();
		byState.forEach((state, count) -> out.put(
				messages.getMessage("console.state." + state, null, state, locale), count));
		return out;
	}

	@GetMapping("/stats")
	String page(Model model, Locale locale) {
		model.addAttribute("perHour", reportsPerHour());
		model.addAttribute("verdictTimes", verdictTimes(locale));
		model.addAttribute("outcomes", outcomes(locale));
		long median = stats.median("verdict-seconds", 7);
		model.addAttribute("medianMinutes", median < 0 ? "–" : String.format(Locale.ROOT, "%.1f", median / 60.0));
		model.addAttribute("onDuty", observers.onDutyPositions().size());
		return "stats";
	}

	@GetMapping("/stats/{figure}.csv")
	ResponseEntity<String> csv(@PathVariable String figure, Locale locale) {
		Map<String, Long> rows;
		String header;
		switch (figure) {
			case "reports-per-hour" -> {
				rows = reportsPerHour();
				header = "hour,reports";
			}
			case "time-to-verdict" -> {
				rows = verdictTimes(locale);
				header = "time to verdict,incidents";
			}
			case "outcomes" -> {
				rows = outcomes(locale);
				header = "outcome,incidents";
			}
			default -> {
				return ResponseEntity.notFound().build();
			}
		}
		var csv = new StringBuilder(header).append("\r\n");
		rows.forEach((label, value) -> csv.append('"').append(label.replace("\"", "\"\"")).append("\",").append(value)
			.append("\r\n"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vigia-" + figure + ".csv\"")
			.body(csv.toString());
	}

}
