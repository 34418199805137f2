package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleted data leaves the disk: a value the bot's Redis deleted, and one that expired, are no longer in any
 * of Redis's files (append-only file, RDB) one rewrite interval later, while a value still alive is. The
 * bot runs with its embedded Redis and a rewrite every 2 s (the default is 15 min); the files are read
 * byte by byte.
 */
class DeletedDataTests {

	static final Duration REWRITE_EVERY = Duration.ofSeconds(2);

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		// a machine busy with other builds must not make the bot give up on its Redis at start
		bot = TestBot.start(telegram, data, "vigia-disk:", "--vigia.redis.rewrite-every=" + REWRITE_EVERY.toSeconds() + "s",
				"--vigia.redis.command-timeout=2s");
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	/** At most 20 bytes, so that Redis stores it as it is (longer strings may be compressed in RDB form). */
	static String value(String kind) {
		var bytes = new byte[6];
		new SecureRandom().nextBytes(bytes);
		return kind + "-" + HexFormat.of().formatHex(bytes);
	}

	/** Which of these values some file of the embedded Redis holds. */
	static List<String> onDisk(List<String> values) {
		try (Stream<Path> files = Files.walk(data.resolve("redis"))) {
			var contents = files.filter(Files::isRegularFile).map(f -> {
				try {
					return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
				}
				catch (IOException ex) {
					// a part Redis just replaced: read again at the next poll
					throw new UncheckedIOException(ex);
				}
			}).toList();
			return values.stream().filter(v -> contents.stream().anyMatch(c -> c.contains(v))).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aDeletedAndAnExpiredValueAreGoneFromRedisFilesWithinOneRewriteInterval() {
		var redis = bot.bean(StringRedisTemplate.class);
		String kept = value("kept"), deleted = value("deleted"), expired = value("expired");
		redis.opsForValue().set("vigia-disk:kept", kept, Duration.ofHours(1));
		redis.opsForValue().set("vigia-disk:deleted", deleted, Duration.ofHours(1));
		redis.opsForValue().set("vigia-disk:expired", expired, Duration.ofMillis(300));
		redis.delete("vigia-disk:deleted");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !Boolean.TRUE.equals(redis.hasKey("vigia-disk:expired")));
		long gone = System.nanoTime();

		Awaitility.await()
			.atMost(REWRITE_EVERY.multipliedBy(5))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(onDisk(List.of(deleted, expired))).as("deleted or expired, still on disk").isEmpty());
		System.out.printf("DISK deleted and expired values gone from Redis's files %.1f s after they left Redis"
				+ " (rewrite every %d s)%n", (System.nanoTime() - gone) / 1e9, REWRITE_EVERY.toSeconds());
		// the files read are the right ones: what Redis still holds is in them
		Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
			.untilAsserted(() -> assertThat(onDisk(List.of(kept))).containsExactly(kept));
	}

}
