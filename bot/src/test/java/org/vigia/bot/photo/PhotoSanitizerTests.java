package org.vigia.bot.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.vigia.bot.photo.PhotoSanitizer.Reason;
import org.vigia.bot.photo.PhotoSanitizer.Result;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoSanitizerTests {

	final PhotoSanitizer sanitizer = new PhotoSanitizer(PhotoSanitizer.Limits.DEFAULTS);

	@Test
	void aPhotoWithGpsAndDeviceDataComesOutWithoutThem() throws IOException {
		byte[] photo = TestPhotos.withGps(TestPhotos.jpeg(800, 600), "SecretPhone 12", 41.8781, -87.6298, "");
		assertThat(TestPhotos.contains(photo, "SecretPhone")).isTrue();
		assertThat(ImageIO.read(new ByteArrayInputStream(photo))).isNotNull();

		Result result = sanitizer.sanitize(photo);

		assertThat(result).isInstanceOf(Result.Clean.class);
		byte[] clean = ((Result.Clean) result).jpeg();
		assertThat(TestPhotos.contains(clean, "SecretPhone")).isFalse();
		assertThat(TestPhotos.contains(clean, "Exif")).isFalse();
		assertThat(indexOfMarker(clean, 0xE1)).as("no APP1 (EXIF/XMP) segment").isEqualTo(-1);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean));
		assertThat(decoded.getWidth()).isEqualTo(800);
		assertThat(decoded.getHeight()).isEqualTo(600);
	}

	@Test
	void aLargePhotoIsScaledDownToTheMaximumSide() throws IOException {
		Result result = sanitizer.sanitize(TestPhotos.jpeg(4000, 3000));

		assertThat(result).isInstanceOfSatisfying(Result.Clean.class, clean -> {
			assertThat(clean.width()).isEqualTo(1600);
			assertThat(clean.height()).isEqualTo(1200);
		});
	}

	@Test
	void aFileThatIsNotAnImageIsRefused() {
		Result result = sanitizer.sanitize("%PDF-1.7 this is a document".getBytes(StandardCharsets.US_ASCII));

		assertThat(result).isEqualTo(new Result.Refused(Reason.NOT_AN_IMAGE));
	}

	@Test
	void aTruncatedImageIsRefused() throws IOException {
		byte[] full = TestPhotos.jpeg(400, 300);
		byte[] truncated = java.util.Arrays.copyOf(full, 40);

		assertThat(sanitizer.sanitize(truncated)).isEqualTo(new Result.Refused(Reason.NOT_AN_IMAGE));
	}

	@Test
	void aFileOverTheByteLimitIsRefusedAsTooLarge() {
		var small = new PhotoSanitizer(new PhotoSanitizer.Limits(1024, 50_000_000L, 1600, 0.85f));

		assertThat(small.sanitize(new byte[2048])).isEqualTo(new Result.Refused(Reason.TOO_LARGE));
	}

	@Test
	void aDecompressionBombIsRefusedFromItsHeaderAlone() {
		// a few hundred bytes that declare a 100 000 × 100 000 pixel PNG
		byte[] bomb = TestPhotos.pngBomb(100_000, 100_000);

		assertThat(sanitizer.sanitize(bomb)).isEqualTo(new Result.Refused(Reason.TOO_LARGE));
	}

	@Test
	void emptyInputIsRefused() {
		assertThat(sanitizer.sanitize(new byte[0])).isEqualTo(new Result.Refused(Reason.NOT_AN_IMAGE));
		assertThat(sanitizer.sanitize(null)).isEqualTo(new Result.Refused(Reason.NOT_AN_IMAGE));
	}

	static int indexOfMarker(byte[] jpeg, int marker) {
		for (int i = 0; i + 1 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
				return i;
			}
		}
		return -1;
	}

}
