package org.vigia.bot.e2e;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.signal.FakeSignalCli;
import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof that a scenario left nothing that identifies a resident in the logs or in Redis.
 *
 * <p>{@link #start()} captures every log line from then on, across bot restarts ({@link LogCapture}: every line
 * emitted, and the bot's own lines at every level, TRACE included, with the text of their throwables).
 * {@link #assertClean} then reads every key under the test's prefix with its whole value ({@link RedisDump}:
 * strings, hashes, sets, sorted sets with their scores, lists, streams) and fails naming every leak it finds.
 *
 * <p>What must not appear, for every {@link #resident} registered: the user id as a whole number, the first
 * name and the username the fake Bot API gives them, every {@link #phone} they shared, and the coordinates
 * they sent, printed with 4 or more decimals (about 10 m), with or without the sign, truncated or rounded.
 * Registered {@link #secret}s (the bot token) may appear nowhere. {@link #neverLogged} ids (observers,
 * dispatchers) and patterns must not reach a log line either.
 *
 * <p>What may legitimately be stored, and why (DESIGN.md, privacy rules; docs/redis-keys.md):
 * <ul>
 * <li>a resident's id: nowhere in clear, not even while they wait to hear an outcome ({@code followers:} holds
 * their chat encrypted, under a keyed hash of it) or are in the middle of a conversation ({@code conv:} is keyed
 * by a keyed hash and holds no id);</li>
 * <li>exact coordinates in the values of {@code report:} and {@code incident:} (reports must be clustered by
 * where they are, and dispatchers see them), of {@code conv:} (the draft being written) and of
 * {@code neighborhoods} (the network's own map, about no one); never in a key name, another value or a log;</li>
 * <li>observers' and dispatchers' chat ids in Redis: observers consented to it at {@code /join}, dispatchers are
 * configuration; still never in a log line;</li>
 * <li>{@code photo:} values are base64 JPEGs: random base64 would match short numbers by chance, so they are
 * decoded and must be bare JPEGs (no APP1–APP15 segment: no EXIF, GPS, XMP or maker notes; no comment) whose
 * bytes contain no registered name, username or phone.</li>
 * </ul>
 * Names, usernames and phones are allowed nowhere. Thread-safe while capturing; {@link #close()} detaches it.
 */
final class PrivacyScan implements AutoCloseable {

	private static final List<String> ID_ALLOWED_IN = List.of();

	private static final List<String> PLACE_ALLOWED_IN = List.of("report:", "incident:", "conv:", "neighborhoods");

	/** A resident id as a word: for log lines and key names (as strict as a {@code \\b} search). */
	private final Queue<Pattern> residentWords = new ConcurrentLinkedQueue<>();

	/** A resident id as a whole number, not the digits of a decimal fraction: for values. */
	private final Queue<Pattern> residentNumbers = new ConcurrentLinkedQueue<>();

	private final Queue<Pattern> places = new ConcurrentLinkedQueue<>();

	private final Queue<String> literals = new ConcurrentLinkedQueue<>();

	private final Queue<String> secrets = new ConcurrentLinkedQueue<>();

	private final Queue<Pattern> logOnly = new ConcurrentLinkedQueue<>();

	private final LogCapture log;

	private PrivacyScan(LogCapture log) {
		this.log = log;
	}

	/** Starts capturing log lines; register people with the methods below, at any time before the check. */
	static PrivacyScan start() {
		return new PrivacyScan(LogCapture.start());
	}

	/** A resident: their id, first name and username must not appear. */
	PrivacyScan resident(long id) {
		residentNumbers.add(Pattern.compile("(?<![\\w.])" + id + "(?![\\w]|\\.\\d)"));
		residentWords.add(Pattern.compile("\\b" + id + "\\b"));
		literals.add(FakeTelegram.name(id));
		literals.add(FakeTelegram.username(id));
		return this;
	}

	/**
	 * A person on Signal: their service id, the phone number signal-cli prints for them and the profile name it
	 * gives, in no log line, key or value (the inbox holds a message only until it is handled).
	 */
	PrivacyScan signalPerson(String serviceId) {
		literals.add(serviceId);
		literals.add(FakeSignalCli.NAME);
		return phone(FakeSignalCli.numberOf(serviceId));
	}

	/** A place a resident sent: its coordinates with 4 or more decimals must not appear outside reports. */
	PrivacyScan place(double latitude, double longitude) {
		for (double value : new double[] { latitude, longitude }) {
			double abs = Math.abs(value);
			for (String form : new java.util.LinkedHashSet<>(List.of(String.format(Locale.ROOT, "%.4f", Math.floor(abs * 10_000) / 10_000),
					String.format(Locale.ROOT, "%.4f", abs)))) {
				places.add(Pattern.compile("(?<![0-9])" + Pattern.quote(form)));
			}
		}
		return this;
	}

	/**
	 * A phone number a resident shared: in no log line, key or value, as typed, as bare digits, or as its last 10
	 * digits (the number without its country code).
	 */
	PrivacyScan phone(String phone) {
		literals.add(phone);
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() >= 7) {
			literals.add(digits);
		}
		if (digits.length() > 10) {
			literals.add(digits.substring(digits.length() - 10));
		}
		return this;
	}

	/** Text that may appear nowhere at all (the bot token). */
	PrivacyScan secret(String secret) {
		secrets.add(secret);
		return this;
	}

	/** Ids of observers and dispatchers: stored with their consent, but never logged, nor their names. */
	PrivacyScan neverLogged(long... ids) {
		for (long id : ids) {
			logOnly.add(Pattern.compile("\\b" + id + "\\b"));
			logOnly.add(Pattern.compile(Pattern.quote(FakeTelegram.name(id))));
			logOnly.add(Pattern.compile(Pattern.quote(FakeTelegram.username(id))));
		}
		return this;
	}

	/** Anything else no log line may match (e.g. coordinates to 2 decimals in a test that wants that). */
	PrivacyScan neverLogged(Pattern pattern) {
		logOnly.add(pattern);
		return this;
	}

	/** Give it to every bot's SpringApplicationBuilder: logs are captured again after each start. */
	org.springframework.context.ApplicationListener<?> onEveryStart() {
		return log.onEveryStart();
	}

	/** The log lines captured so far. */
	List<String> lines() {
		return log.lines();
	}

	/**
	 * Stops capturing, then fails if any log line, key or value under {@code prefix} leaks; returns how much
	 * was scanned, to be printed or asserted on.
	 */
	Scanned assertClean(StringRedisTemplate redis, String prefix) {
		close();
		var leaks = new ArrayList<String>();
		List<String> logged = lines();
		for (String line : logged) {
			find(line, residentWords, true, true).forEach(what -> leaks.add("log line leaks " + what + ": " + cut(line)));
		}
		List<RedisDump.Entry> entries = RedisDump.read(redis, prefix);
		for (RedisDump.Entry entry : entries) {
			String name = entry.key().substring(prefix.length());
			find(entry.key(), residentWords, true, false).forEach(what -> leaks.add("key name leaks " + what + ": " + entry.key()));
			if (name.startsWith("photo:")) {
				photo(entry, leaks);
				continue;
			}
			boolean ids = ID_ALLOWED_IN.stream().noneMatch(name::startsWith);
			boolean coordinates = PLACE_ALLOWED_IN.stream().noneMatch(name::startsWith);
			for (String value : entry.values()) {
				find(value, ids ? residentNumbers : List.of(), coordinates, false).forEach(what -> leaks.add("the value of " + entry.key() + " leaks "
						+ what + ": " + cut(value)));
			}
		}
		assertThat(leaks).as("privacy leaks").isEmpty();
		return new Scanned(logged.size(), entries.size());
	}

	/** How much a scan read. */
	record Scanned(int logLines, int keys) {
	}

	private List<String> find(String text, java.util.Collection<Pattern> ids, boolean coordinates, boolean log) {
		var found = new ArrayList<String>();
		literals.forEach(l -> add(found, text.contains(l), "\"" + l + "\""));
		secrets.forEach(s -> add(found, text.contains(s), "a secret"));
		ids.forEach(p -> add(found, p.matcher(text).find(), "a resident id " + p));
		if (coordinates) {
			places.forEach(p -> add(found, p.matcher(text).find(), "an exact coordinate " + p));
		}
		if (log) {
			logOnly.forEach(p -> add(found, p.matcher(text).find(), "" + p));
		}
		return found;
	}

	private static void add(List<String> found, boolean hit, String what) {
		if (hit) {
			found.add(what);
		}
	}

	private void photo(RedisDump.Entry entry, List<String> leaks) {
		for (String value : entry.values()) {
			byte[] jpeg = Base64.getDecoder().decode(value);
			List<Integer> markers = RedisDump.jpegMarkers(jpeg);
			if (markers.isEmpty() || markers.stream().anyMatch(m -> (m >= 0xE1 && m <= 0xEF) || m == 0xFE)) {
				leaks.add("the photo " + entry.key() + " is not a bare JPEG: markers " + markers);
			}
			String text = new String(jpeg, java.nio.charset.StandardCharsets.ISO_8859_1);
			literals.forEach(l -> add(leaks, text.contains(l), "the photo " + entry.key() + " holds \"" + l + "\""));
		}
	}

	private static String cut(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	@Override
	public void close() {
		log.close();
	}

}
