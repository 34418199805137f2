package org.vigia.bot.photo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Re-encodes photos so that nothing but pixels survives: no EXIF, no GPS, no device data, no comments,
 * no thumbnails.
 *
 * <p>Design note: the photo is decoded to plain pixels and a new JPEG is written from them with no
 * metadata at all, which is safer than stripping known tags from the original (an unknown tag or a
 * maker note can carry a location too). Before decoding, the declared dimensions are read from the
 * header and refused above {@link Limits#maxPixels()}, so a small file that claims to be a gigapixel
 * image (a decompression bomb) is refused without allocating it. Output is scaled down to
 * {@link Limits#maxSide()} pixels on the longer side.
 *
 * <p>Memory: a photo is never decoded at full size. The decoder reads every n-th pixel of every n-th row
 * (source subsampling), with n chosen from the header so that the decoded longer side is at most twice
 * {@link Limits#maxSide()}; the final scaling to {@code maxSide} then smooths it. So a decoded photo holds at
 * most (2 × maxSide)² pixels of at most 4 bytes, 41 MB at the defaults, however many megapixels it declares
 * (a 50-megapixel photo decoded whole would take 200 MB), plus the output raster (at most maxSide², 10 MB) and
 * the input bytes ({@link Limits#maxBytes()}, 10 MB). At most {@link #DECODING_AT_ONCE} photos are decoded at
 * the same time by one sanitizer (others wait their turn), so photos cost at most about 120 MB of heap
 * together. Thread-safe.
 */
public final class PhotoSanitizer {

	/**
	 * @param maxBytes the largest input accepted, in bytes
	 * @param maxPixels the largest declared width × height accepted
	 * @param maxSide the longer side of the output, in pixels
	 * @param quality JPEG quality of the output, 0..1
	 */
	public record Limits(int maxBytes, long maxPixels, int maxSide, float quality) {

		public static final Limits DEFAULTS = new Limits(10 * 1024 * 1024, 50_000_000L, 1600, 0.85f);

		public Limits {
			if (maxBytes <= 0 || maxPixels <= 0 || maxSide <= 0 || !(quality > 0 && quality <= 1)) {
				throw new IllegalArgumentException("photo limits must be positive and quality in (0, 1], were "
						+ maxBytes + ", " + maxPixels + ", " + maxSide + ", " + quality);
			}
		}

	}

	/** The outcome: a clean JPEG, or why the input was refused (a message-bundle key). */
	public sealed interface Result {

		record Clean(byte[] jpeg, int width, int height) implements Result {
		}

		record Refused(Reason reason) implements Result {
		}

	}

	public enum Reason {

		NOT_AN_IMAGE("report.photo.notAnImage"), TOO_LARGE("report.photo.tooLarge");

		private final String messageKey;

		Reason(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	/** Photos decoded at once, whatever the number of update workers. */
	static final int DECODING_AT_ONCE = 2;

	private final Limits limits;

	private final Semaphore decoding = new Semaphore(DECODING_AT_ONCE, true);

	public PhotoSanitizer(Limits limits) {
		this.limits = limits;
	}

	public Result sanitize(byte[] input) {
		if (input == null || input.length == 0) {
			return new Result.Refused(Reason.NOT_AN_IMAGE);
		}
		if (input.length > limits.maxBytes()) {
			return new Result.Refused(Reason.TOO_LARGE);
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(input))) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				return new Result.Refused(Reason.NOT_AN_IMAGE);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0) {
					return new Result.Refused(Reason.NOT_AN_IMAGE);
				}
				if (pixels > limits.maxPixels()) {
					return new Result.Refused(Reason.TOO_LARGE);
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = subsampling(reader.getWidth(0), reader.getHeight(0));
				param.setSourceSubsampling(step, step, 0, 0);
				decoding.acquireUninterruptibly();
				try {
					return encode(scaled(reader.read(0, param)));
				}
				finally {
					decoding.release();
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			// a corrupt or hostile file: refuse it, never half-process it
			return new Result.Refused(Reason.NOT_AN_IMAGE);
		}
	}

	/** Every how many pixels the decoder reads, so that the decoded longer side is at most 2 × maxSide. */
	int subsampling(int width, int height) {
		long longer = Math.max(width, height);
		long most = 2L * limits.maxSide();
		return (int) Math.max(1, (longer + most - 1) / most);
	}

	private BufferedImage scaled(BufferedImage source) {
		int w = source.getWidth();
		int h = source.getHeight();
		double scale = Math.min(1.0, (double) limits.maxSide() / Math.max(w, h));
		int tw = Math.max(1, (int) Math.round(w * scale));
		int th = Math.max(1, (int) Math.round(h * scale));
		// always redraw into a fresh RGB raster: drops alpha, palettes and anything attached to the source
		BufferedImage target = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, tw, th);
			g.drawImage(source, 0, 0, tw, th, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private Result encode(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		var out = new ByteArrayOutputStream();
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(ios);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(limits.quality());
			// null metadata: the writer emits a bare JFIF header and nothing else
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return new Result.Clean(out.toByteArray(), image.getWidth(), image.getHeight());
	}

}
