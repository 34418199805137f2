package org.vigia.bot.photo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Photos as phones send them (with EXIF, GPS and a comment) and files that only pretend to be photos. */
public final class TestPhotos {

	private TestPhotos() {
	}

	public static byte[] jpeg(int width, int height) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, width / 2, height);
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A JPEG with what a phone writes: an EXIF segment with the camera make and the GPS position (degrees,
	 * minutes, seconds), and a comment segment; both right after SOI.
	 */
	public static byte[] withGps(byte[] jpeg, String make, double latitude, double longitude, String comment) {
		byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(140 + makeBytes.length);
		tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
		// IFD0 at 8: the make, and where the GPS IFD is
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x010F).putShort((short) 2).putInt(makeBytes.length).putInt(140);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		tiff.putInt(0);
		// GPS IFD at 38: N/S, latitude, E/W, longitude
		tiff.putShort((short) 4);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { (byte) (latitude < 0 ? 'S' : 'N'), 0, 0, 0 });
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
		tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] { (byte) (longitude < 0 ? 'W' : 'E'), 0, 0, 0 });
		tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
		tiff.putInt(0);
		dms(tiff, Math.abs(latitude));
		dms(tiff, Math.abs(longitude));
		tiff.put(makeBytes);
		byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
			.put(tiff.array()).array();
		var out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		segment(out, 0xE1, exif);
		segment(out, 0xFE, comment.getBytes(StandardCharsets.UTF_8));
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static void dms(ByteBuffer tiff, double degrees) {
		int d = (int) degrees;
		int m = (int) ((degrees - d) * 60);
		double s = ((degrees - d) * 60 - m) * 60;
		tiff.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) Math.round(s * 10_000)).putInt(10_000);
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
		out.write(0xFF);
		out.write(marker);
		int length = body.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(body, 0, body.length);
	}

	/** A few dozen bytes that declare a {@code width × height} PNG: a decompression bomb. */
	public static byte[] pngBomb(int width, int height) {
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

	public static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

}
