package org.vigia.bot.photo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.vigia.bot.photo.PhotoSanitizer.Reason;
import org.vigia.bot.photo.PhotoSanitizer.Result;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoSanitizerTests {

	final PhotoSanitizer sanitizer = new PhotoSanitizer(PhotoSanitizer.Limits.DEFAULTS);

	@Test
	void aPhotoWithGpsAndDeviceDataComesOutWithoutThem() throws IOException {
		byte[] photo = withExif(jpeg(800, 600), "SecretPhone 12");
		assertThat(contains(photo, "SecretPhone")).isTrue();
		assertThat(ImageIO.read(new ByteArrayInputStream(photo))).isNotNull();

		Result result = sanitizer.sanitize(photo);

		assertThat(result).isInstanceOf(Result.Clean.class);
		byte[] clean = ((Result.Clean) result).jpeg();
		assertThat(contains(clean, "SecretPhone")).isFalse();
		assertThat(contains(clean, "Exif")).isFalse();
		assertThat(indexOfMarker(clean, 0xE1)).as("no APP1 (EXIF/XMP) segment").isEqualTo(-1);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean));
		assertThat(decoded.getWidth()).isEqualTo(800);
		assertThat(decoded.getHeight()).isEqualTo(600);
	}

	@Test
	void aLargePhotoIsScaledDownToTheMaximumSide() throws IOException {
		Result result = sanitizer.sanitize(jpeg(4000, 3000));

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
		byte[] full = jpeg(400, 300);
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
		byte[] bomb = pngHeader(100_000, 100_000);

		assertThat(sanitizer.sanitize(bomb)).isEqualTo(new Result.Refused(Reason.TOO_LARGE));
	}

	@Test
	void emptyInputIsRefused() {
		assertThat(sanitizer.sanitize(new byte[0])).isEqualTo(new Result.Refused(Reason.NOT_AN_IMAGE));
		assertThat(sanitizer.sanitize(null)).isEqualTo(new Result.Refused(Reason.NOT_AN_IMAGE));
	}

	static byte[] jpeg(int width, int height) throws IOException {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, width / 2, height);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	/** Inserts an EXIF APP1 segment with a camera make and a GPS latitude right after SOI. */
	static byte[] withExif(byte[] jpeg, String make) {
		byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 12 + 4 + makeBytes.length);
		tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
		int ifd0Size = 2 + 2 * 12 + 4;
		int gpsOffset = 8 + ifd0Size;
		int makeOffset = gpsOffset + 2 + 12 + 4;
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x010F).putShort((short) 2).putInt(makeBytes.length).putInt(makeOffset);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
		tiff.putInt(0);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		tiff.putInt(0);
		tiff.put(makeBytes);
		byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
			.put(tiff.array()).array();
		var out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = exif.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(exif, 0, exif.length);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
			.put(new byte[] { 8, 2, 0, 0, 0 });
		var crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
		return png.array();
	}

	static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
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
