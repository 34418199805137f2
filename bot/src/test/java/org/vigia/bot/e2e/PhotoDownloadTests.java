package org.vigia.bot.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.vigia.bot.photo.TestPhotos;
import org.vigia.bot.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos sent during a report are fetched from the configured Bot API server (never from api.telegram.org),
 * re-encoded without EXIF, GPS or comments before they are kept, and every file that is too large (declared or
 * real), not an image, or a decompression bomb is refused with a clear answer while the report goes on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhotoDownloadTests {

	static final double LAT = 41.8781, LON = -87.6298;

	static final int LIMIT = 10 * 1024 * 1024;

	@TempDir
	static Path data;

	static HostileBot bot;

	static ReportDriver report;

	@BeforeAll
	static void start() throws IOException {
		bot = HostileBot.start(data, "photo");
		bot.privacy.place(LAT, LON);
		report = new ReportDriver(bot, LAT, LON);
	}

	@AfterAll
	static void stop() {
		System.out.println(bot.tally("PhotoDownloadTests"));
		bot.close();
	}

	static Set<String> photoKeys() {
		return bot.redis().keys(bot.prefix + "photo:*");
	}

	@Test
	@Order(1)
	void aPhotoWithGpsAndDeviceDataIsKeptWithoutThemAndTheReportGoesOn() throws IOException {
		long resident = 810_001;
		bot.privacy.resident(resident);
		report.toThePhoto(resident);
		byte[] original = TestPhotos.withGps(TestPhotos.jpeg(1280, 960), "SecretPhone 12", LAT, LON,
				"taken by " + FakeTelegram.username(resident));
		assertThat(ImageIO.read(new ByteArrayInputStream(original))).as("a photo a phone could send").isNotNull();

		var calls = bot.send(bot.telegram.photo(resident, "en", original, original.length));

		assertThat(HostileBot.texts(calls, resident)).anyMatch(t -> t.contains("Photo received"))
			.anyMatch(t -> t.contains("Anything else?"));
		assertThat(photoKeys()).hasSize(1);
		byte[] kept = Base64.getDecoder().decode(bot.redis().opsForValue().get(photoKeys().iterator().next()));
		assertThat(RedisDump.jpegMarkers(kept)).as("no APP1 (EXIF, GPS) and no comment segment")
			.doesNotContain(0xE1, 0xFE);
		assertThat(TestPhotos.contains(kept, "Exif")).isFalse();
		assertThat(TestPhotos.contains(kept, "SecretPhone")).isFalse();
		assertThat(TestPhotos.contains(kept, FakeTelegram.username(resident))).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(kept)).getWidth()).isEqualTo(1280);

		report.answer(resident, "skip");
		var sent = report.answer(resident, "send");
		assertThat(HostileBot.texts(sent, resident)).anyMatch(t -> t.contains("Thank you"));
		assertThat(bot.redis().keys(bot.prefix + "report:*")).singleElement()
			.satisfies(key -> assertThat(bot.redis().opsForValue().get(key)).contains(photoKeys().iterator().next()
				.substring((bot.prefix + "photo:").length())));
	}

	@Test
	@Order(2)
	void everyFileThatIsTooLargeNotAnImageOrABombIsRefusedAndTheReportGoesOn() {
		long resident = 810_002;
		bot.privacy.resident(resident);
		report.toThePhoto(resident);
		byte[] small = TestPhotos.jpeg(64, 48);
		byte[] huge = new byte[LIMIT + 4096];
		System.arraycopy(small, 0, huge, 0, small.length);
		var refusals = List.of(
				new Refusal("declared over the limit", bot.telegram.photo(resident, "en", small, LIMIT + 1L), "too large"),
				new Refusal("declared over the limit by getFile only", withoutDeclaredSize(bot.telegram.photo(resident, "en",
						small, LIMIT + 1L)), "too large"),
				new Refusal("a real body over the limit behind a small declared size",
						bot.telegram.photo(resident, "en", huge, 50_000), "too large"),
				new Refusal("a PDF sent as image/jpeg", bot.telegram.document(resident, "en", "image/jpeg",
						"%PDF-1.7 not a picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "not a photo"),
				new Refusal("a JPEG sent as application/pdf", bot.telegram.document(resident, "en", "application/pdf", small),
						"not a photo"),
				new Refusal("a 100 000 × 100 000 PNG in 33 bytes", bot.telegram.photo(resident, "en",
						TestPhotos.pngBomb(100_000, 100_000), 33), "too large"),
				new Refusal("a truncated JPEG", bot.telegram.photo(resident, "en", java.util.Arrays.copyOf(small, 40), 40),
						"not a photo"),
				new Refusal("an empty file", bot.telegram.photo(resident, "en", new byte[0], 0), "not a photo"));

		for (Refusal refusal : refusals) {
			var calls = bot.send("photo: refused file", refusal.update());
			assertThat(HostileBot.texts(calls, resident)).as(refusal.what()).anyMatch(t -> t.contains(refusal.answer()));
			assertThat(report.lastQuestion(resident).buttons()).as(refusal.what() + ": the photo question again")
				.anyMatch(b -> b.endsWith(":skip"));
		}
		assertThat(photoKeys()).as("nothing kept of a refused file").hasSize(1);

		var received = bot.send(bot.telegram.photo(resident, "en", small, small.length));
		assertThat(HostileBot.texts(received, resident)).anyMatch(t -> t.contains("Photo received"));
		report.answer(resident, "skip");
		assertThat(HostileBot.texts(report.answer(resident, "send"), resident)).anyMatch(t -> t.contains("Thank you"));
	}

	@Test
	@Order(3)
	void whenTheBotApiFailsTheResidentIsToldToTryAgainAndNothingIsKept() {
		long resident = 810_003;
		bot.privacy.resident(resident);
		report.toThePhoto(resident);
		int kept = photoKeys().size();
		bot.telegram.failNext("getFile", 1, 500, 0);
		byte[] small = TestPhotos.jpeg(64, 48);

		var calls = bot.send("photo: Bot API failure", bot.telegram.photo(resident, "en", small, small.length));

		assertThat(HostileBot.texts(calls, resident)).anyMatch(t -> t.contains("could not process that photo"));
		assertThat(photoKeys()).hasSize(kept);
		assertThat(HostileBot.texts(bot.send(bot.telegram.photo(resident, "en", small, small.length)), resident))
			.anyMatch(t -> t.contains("Photo received"));
	}

	@Test
	@Order(99)
	void noLogLineOrRedisKeyHoldsTheResidentsTheirPlaceOrTheToken() {
		var scanned = bot.privacy.assertClean(bot.redis(), bot.prefix);

		assertThat(scanned.logLines()).isPositive();
		assertThat(scanned.keys()).isPositive();
	}

	/** A photo message that does not say how large it is (getFile still does). */
	static com.fasterxml.jackson.databind.node.ObjectNode withoutDeclaredSize(
			com.fasterxml.jackson.databind.node.ObjectNode update) {
		((com.fasterxml.jackson.databind.node.ObjectNode) update.path("message").path("photo").get(0)).remove("file_size");
		return update;
	}

	record Refusal(String what, com.fasterxml.jackson.databind.node.ObjectNode update, String answer) {
	}

}
