package org.vigia.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.vigia.core.config.VigiaSettings;

/**
 * A simulated city and the settings Vigía runs it with. Every number is an option of the command line
 * ({@link #parse}); the defaults are the issue's: 10 000 residents, 300 observers, 50 real scenes, 200 mistaken
 * ones, 2 000 malicious reports, no infiltrators, 4 hours.
 *
 * @param seed the random seed: the same seed gives the same city, the same people and the same figures
 * @param neighborhoods a neighborhoods GeoJSON file, or null for the sample counties
 * @param residents residents, among whom the honest reporters are
 * @param observers honest observers on duty at random places
 * @param iceScenes real immigration enforcement scenes
 * @param mistakenScenes scenes that were local police or nothing, reported by honest residents who mistook them
 * @param floodReports malicious reports at random places, from {@code floodAccounts} accounts
 * @param floodAccounts accounts the malicious reports come from
 * @param infiltrators colluding observers who confirm whatever they are asked, and stage a fake report by their
 * spot once an hour
 * @param infiltratorDays infiltrators joined 1 to this many days before the day (honest observers 1 to 365)
 * @param truthful the probability that an honest observer reports what they saw
 * @param accepting the probability that an honest observer who is free says "I'm going"
 * @param hours how long the simulated day lasts
 * @param settings Vigía's settings for this run
 */
record CityOptions(long seed, String neighborhoods, int residents, int observers, int iceScenes, int mistakenScenes,
		int floodReports, int floodAccounts, int infiltrators, int infiltratorDays, double truthful, double accepting, double hours,
		VigiaSettings settings) {

	CityOptions {
		Objects.requireNonNull(settings, "settings must not be null");
		check("residents", residents, 1, 1_000_000);
		check("observers", observers, 0, 100_000);
		check("ice-scenes", iceScenes, 0, 100_000);
		check("mistaken-scenes", mistakenScenes, 0, 100_000);
		check("flood-reports", floodReports, 0, 1_000_000);
		check("flood-accounts", floodAccounts, 1, 100_000);
		check("infiltrators", infiltrators, 0, 1_000);
		check("infiltrator-days", infiltratorDays, 1, 365);
		if (!(truthful >= 0 && truthful <= 1) || !(accepting >= 0 && accepting <= 1)) {
			throw new IllegalArgumentException("truthful and accepting are probabilities, 0 to 1");
		}
		if (!(hours >= 1 && hours <= 48)) {
			throw new IllegalArgumentException("hours must be between 1 and 48, was " + hours);
		}
	}

	static CityOptions defaults() {
		return new CityOptions(1, null, 10_000, 300, 50, 200, 2_000, 100, 0, 7, 0.9, 0.8, 4, VigiaSettings.defaults());
	}

	private static void check(String name, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
		}
	}

	Duration length() {
		return Duration.ofMinutes(Math.round(hours * 60));
	}

	/**
	 * Applies {@code --name=value} options (or {@code --name value}) to {@code base}; settings of Vigía by the names
	 * {@link #withSetting} knows.
	 */
	static CityOptions parse(Map<String, String> options, CityOptions base) {
		CityOptions o = base;
		for (var e : options.entrySet()) {
			o = o.with(e.getKey(), e.getValue());
		}
		return o;
	}

	/** This city with one option changed. */
	CityOptions with(String name, String value) {
		return switch (name) {
			case "seed" -> new CityOptions(Long.parseLong(value), neighborhoods, residents, observers, iceScenes,
					mistakenScenes, floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, accepting, hours, settings);
			case "neighborhoods" -> new CityOptions(seed, value, residents, observers, iceScenes, mistakenScenes,
					floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, accepting, hours, settings);
			case "residents" -> new CityOptions(seed, neighborhoods, Integer.parseInt(value), observers, iceScenes,
					mistakenScenes, floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, accepting, hours, settings);
			case "observers" -> new CityOptions(seed, neighborhoods, residents, Integer.parseInt(value), iceScenes,
					mistakenScenes, floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, accepting, hours, settings);
			case "ice-scenes" -> new CityOptions(seed, neighborhoods, residents, observers, Integer.parseInt(value),
					mistakenScenes, floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, accepting, hours, settings);
			case "mistaken-scenes" -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes,
					Integer.parseInt(value), floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, accepting, hours,
					settings);
			case "flood-reports" -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes, mistakenScenes,
					Integer.parseInt(value), floodAccounts, infiltrators, infiltratorDays, truthful, accepting, hours, settings);
			case "flood-accounts" -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes,
					mistakenScenes, floodReports, Integer.parseInt(value), infiltrators, infiltratorDays, truthful, accepting, hours,
					settings);
			case "infiltrators" -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes, mistakenScenes,
					floodReports, floodAccounts, Integer.parseInt(value), infiltratorDays, truthful, accepting, hours, settings);
			case "infiltrator-days" -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes,
					mistakenScenes, floodReports, floodAccounts, infiltrators, Integer.parseInt(value), truthful, accepting,
					hours, settings);
			case "truthful" -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes, mistakenScenes,
					floodReports, floodAccounts, infiltrators, infiltratorDays, Double.parseDouble(value), accepting, hours,
					settings);
			case "accepting" -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes, mistakenScenes,
					floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, Double.parseDouble(value), hours, settings);
			case "hours" -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes, mistakenScenes,
					floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, accepting, Double.parseDouble(value), settings);
			default -> new CityOptions(seed, neighborhoods, residents, observers, iceScenes, mistakenScenes,
					floodReports, floodAccounts, infiltrators, infiltratorDays, truthful, accepting, hours, withSetting(settings, name, value));
		};
	}

	/**
	 * Vigía's settings by name: {@code quorum}, {@code quorum-newcomers} (days), {@code merge-radius} (meters), {@code merge-window} (minutes),
	 * {@code dispatch-observers}, {@code dispatch-radius} and {@code widened-radius} (meters), {@code widen-after},
	 * {@code answer-within} and {@code unverified} (minutes).
	 */
	static VigiaSettings withSetting(VigiaSettings s, String name, String value) {
		var c = s.clustering();
		var d = s.dispatch();
		return switch (name) {
			case "quorum" -> s.withQuorum(new VigiaSettings.Quorum(Integer.parseInt(value), s.quorum().newcomers()));
			case "quorum-newcomers" -> s.withQuorum(new VigiaSettings.Quorum(s.quorum().observers(),
					Duration.ofDays(Long.parseLong(value))));
			case "merge-radius" -> s.withClustering(new VigiaSettings.Clustering(Double.parseDouble(value), c.window()));
			case "merge-window" -> s.withClustering(new VigiaSettings.Clustering(c.radiusMeters(), minutes(value)));
			case "dispatch-observers" -> s.withDispatch(new VigiaSettings.Dispatch(Integer.parseInt(value),
					d.radiusMeters(), d.widenedRadiusMeters(), d.widenAfter(), d.answerWithin()));
			case "dispatch-radius" -> s.withDispatch(new VigiaSettings.Dispatch(d.observers(), Double.parseDouble(value),
					Math.max(d.widenedRadiusMeters(), Double.parseDouble(value)), d.widenAfter(), d.answerWithin()));
			case "widened-radius" -> s.withDispatch(new VigiaSettings.Dispatch(d.observers(), d.radiusMeters(),
					Double.parseDouble(value), d.widenAfter(), d.answerWithin()));
			case "widen-after" -> s.withDispatch(new VigiaSettings.Dispatch(d.observers(), d.radiusMeters(),
					d.widenedRadiusMeters(), minutes(value), d.answerWithin()));
			case "answer-within" -> s.withDispatch(new VigiaSettings.Dispatch(d.observers(), d.radiusMeters(),
					d.widenedRadiusMeters(), d.widenAfter(), minutes(value)));
			case "unverified" -> s.withDeadlines(new VigiaSettings.Deadlines(minutes(value),
					s.deadlines().publishedStale(), s.deadlines().publishedEnd()));
			default -> throw new IllegalArgumentException("unknown option --" + name);
		};
	}

	private static Duration minutes(String value) {
		return Duration.ofSeconds(Math.round(Double.parseDouble(value) * 60));
	}

	/** The options as name and value, for the report. */
	Map<String, Object> describe() {
		var out = new LinkedHashMap<String, Object>();
		out.put("seed", seed);
		out.put("neighborhoods", neighborhoods == null ? "sample counties" : "given file");
		out.put("residents", residents);
		out.put("observers", observers);
		out.put("ice-scenes", iceScenes);
		out.put("mistaken-scenes", mistakenScenes);
		out.put("flood-reports", floodReports);
		out.put("flood-accounts", floodAccounts);
		out.put("infiltrators", infiltrators);
		out.put("infiltrator-days", infiltratorDays);
		out.put("truthful", truthful);
		out.put("accepting", accepting);
		out.put("hours", hours);
		out.put("quorum", settings.quorum().observers());
		out.put("quorum-newcomers-days", settings.quorum().newcomers().toDays());
		out.put("merge-radius", settings.clustering().radiusMeters());
		out.put("merge-window-minutes", settings.clustering().window().toMinutes());
		out.put("dispatch-observers", settings.dispatch().observers());
		out.put("dispatch-radius", settings.dispatch().radiusMeters());
		out.put("widened-radius", settings.dispatch().widenedRadiusMeters());
		out.put("answer-within-minutes", settings.dispatch().answerWithin().toSeconds() / 60.0);
		return out;
	}

}
