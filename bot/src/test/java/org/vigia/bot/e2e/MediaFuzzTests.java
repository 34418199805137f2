package org.vigia.bot.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.vigia.bot.photo.TestPhotos;
import org.vigia.bot.e2e.HostileUpdates.Hostile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos, files, contact cards and places that are nowhere, sent at every question of the report and outside
 * it: each gets an answer, a phone number is never echoed, kept or logged, the report it interrupted can still be
 * finished and sent, nothing is stored for a report that was not sent, and no handler throws.
 */
class MediaFuzzTests {

	static final double LAT = 41.8781, LON = -87.6298;

	static final AtomicLong RESIDENTS = new AtomicLong(820_000);

	static HostileBot bot;

	static ReportDriver report;

	@BeforeContainer
	static void start() throws IOException {
		bot = HostileBot.start("media");
		bot.privacy.place(LAT, LON);
		report = new ReportDriver(bot, LAT, LON);
	}

	@AfterContainer
	static void stop() {
		try {
			System.out.println(bot.tally("MediaFuzzTests"));
			bot.assertNoHandlerFailed();
			var scanned = bot.privacy.assertClean(bot.redis(), bot.prefix);
			System.out.println("HOSTILE MediaFuzzTests | privacy scan: " + scanned);
		}
		finally {
			bot.close();
		}
	}

	@Property(tries = 400)
	void anyMediaOrPlaceAtAnyQuestionIsAnsweredAndTheReportCanStillBeSent(
			@ForAll @IntRange(min = 0, max = 9) int question, @ForAll("hostile") Hostile input) {
		long resident = RESIDENTS.incrementAndGet();
		bot.privacy.resident(resident);
		if (input.phone() != null) {
			bot.privacy.phone(input.phone());
		}
		report.to(resident, question);
		int reports = reports();

		var update = input.update().apply(resident);
		var calls = bot.send(input.category(), update);

		assertThat(HostileBot.answers(update, calls)).as("answered: " + input).isTrue();
		if (input.phone() != null) {
			assertThat(HostileBot.texts(calls, resident)).as("the number is not repeated")
				.allMatch(t -> !t.contains(input.phone())).anyMatch(t -> t.contains("do not keep phone numbers"));
		}
		assertThat(reports()).as("nothing stored for a report not sent").isEqualTo(reports);
		if (question > 0) {
			report.finish(resident);
			assertThat(reports()).isEqualTo(reports + 1);
		}
	}

	static int reports() {
		return bot.redis().keys(bot.prefix + "report:*").size();
	}

	@Provide
	Arbitrary<Hostile> hostile() {
		var telegram = bot.telegram;
		return Arbitraries.frequencyOf(Tuple.of(4, photos()), Tuple.of(3, documents()),
				Tuple.of(2, HostileUpdates.contacts(telegram)), Tuple.of(4, HostileUpdates.places(telegram)));
	}

	static Arbitrary<Hostile> photos() {
		var telegram = bot.telegram;
		Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
		// beyond an int, telegrambots cannot read the update at all: that is TolerantGetUpdates' case, not a handler's
		Arbitrary<Long> declared = Arbitraries.oneOf(Arbitraries.longs().between(-1, 20L * 1024 * 1024),
				Arbitraries.of(0L, (long) Integer.MAX_VALUE));
		Arbitrary<Hostile> random = Combinators.combine(noise, declared).as((bytes, size) -> new Hostile(
				"photo: random bytes, any declared size", bytes.length + " bytes declared " + size,
				user -> telegram.photo(user, "en", bytes, size), null));
		Arbitrary<Hostile> flipped = Arbitraries.integers().between(2, 600).list().ofMinSize(1).ofMaxSize(8)
			.map(positions -> {
				byte[] jpeg = TestPhotos.jpeg(120, 90);
				positions.forEach(p -> jpeg[p % jpeg.length] ^= (byte) 0x5A);
				return new Hostile("photo: JPEG with corrupted bytes", positions.toString(),
						user -> telegram.photo(user, "en", jpeg, jpeg.length), null);
			});
		Arbitrary<Hostile> bomb = Combinators.combine(Arbitraries.integers().between(1, 400_000),
				Arbitraries.integers().between(1, 400_000))
			.as((w, h) -> new Hostile("photo: PNG header declaring any size", w + "x" + h,
					user -> telegram.photo(user, "en", TestPhotos.pngBomb(w, h), 33), null));
		Arbitrary<Hostile> gps = Arbitraries.just(new Hostile("photo: real photo with EXIF and GPS", "jpeg",
				user -> {
					byte[] photo = TestPhotos.withGps(TestPhotos.jpeg(320, 240), "SecretPhone", LAT, LON,
							org.vigia.bot.telegram.FakeTelegram.username(user));
					return telegram.photo(user, "en", photo, photo.length);
				}, null));
		Arbitrary<Hostile> liar = Arbitraries.just(new Hostile("photo: 10 MB + 1 real body behind a small declared size",
				"liar", user -> telegram.photo(user, "en", new byte[10 * 1024 * 1024 + 1], 1000), null));
		return Arbitraries.frequencyOf(Tuple.of(6, random), Tuple.of(3, flipped), Tuple.of(3, bomb), Tuple.of(3, gps),
				Tuple.of(1, liar));
	}

	static Arbitrary<Hostile> documents() {
		var telegram = bot.telegram;
		Arbitrary<String> mime = Arbitraries.oneOf(Arbitraries.of("image/jpeg", "image/png", "image/svg+xml", "image/",
				"application/pdf", "text/html", "application/x-msdownload", "", "IMAGE/JPEG"),
				Arbitraries.strings().ofMaxLength(200));
		Arbitrary<byte[]> content = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(2048),
				Arbitraries.just(TestPhotos.jpeg(64, 48)),
				Arbitraries.just("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)),
				Arbitraries.just("%PDF-1.7 not a picture".getBytes(StandardCharsets.US_ASCII)));
		return Combinators.combine(mime, content).as((type, bytes) -> new Hostile("document: any MIME type, any content",
				type + ", " + bytes.length + " bytes", user -> telegram.document(user, "en", type, bytes), null));
	}

}
