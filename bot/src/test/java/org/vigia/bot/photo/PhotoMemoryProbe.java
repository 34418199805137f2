package org.vigia.bot.photo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Run by {@link PhotoMemoryTests} in a JVM of its own with a small heap: sanitizes the photo file given, as
 * many times at once as asked, on as many threads as the bot has update workers, and prints one line per
 * photo ({@code CLEAN width height} or {@code REFUSED reason}) or {@code FAILED} and the error. Exits 0 when
 * every photo came out clean.
 */
final class PhotoMemoryProbe {

	private PhotoMemoryProbe() {
	}

	public static void main(String[] args) throws Exception {
		byte[] photo = Files.readAllBytes(Path.of(args[0]));
		int copies = Integer.parseInt(args[1]);
		var sanitizer = new PhotoSanitizer(PhotoSanitizer.Limits.DEFAULTS);
		ExecutorService workers = Executors.newFixedThreadPool(copies);
		boolean allClean = true;
		try {
			var results = new ArrayList<CompletableFuture<PhotoSanitizer.Result>>();
			for (int i = 0; i < copies; i++) {
				// each worker holds its own copy of the bytes, as each update does
				byte[] own = photo.clone();
				results.add(CompletableFuture.supplyAsync(() -> sanitizer.sanitize(own), workers));
			}
			for (var result : results) {
				try {
					PhotoSanitizer.Result outcome = result.join();
					if (outcome instanceof PhotoSanitizer.Result.Clean c) {
						System.out.println("CLEAN " + c.width() + " " + c.height());
					}
					else if (outcome instanceof PhotoSanitizer.Result.Refused r) {
						System.out.println("REFUSED " + r.reason());
						allClean = false;
					}
				}
				catch (RuntimeException ex) {
					System.out.println("FAILED " + ex.getCause());
					allClean = false;
				}
			}
		}
		finally {
			workers.shutdownNow();
		}
		System.exit(allClean ? 0 : 1);
	}

}
