package org.vigia.bot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Downloads a file someone sent to the bot, from the Bot API server the bot is configured with.
 *
 * <p>Design note: telegrambots' {@code downloadFileAsStream} builds the address from a hard-coded
 * {@code https://api.telegram.org}, so a self-hosted Bot API server (or a test double) would be bypassed and
 * the bot's token sent elsewhere. This class asks getFile for the path (with a timeout), refuses a declared
 * size above the caller's limit before downloading anything, then fetches {@code /file/bot{token}/{path}}
 * from the configured server and reads at most {@code limit + 1} bytes whatever the Content-Length says, so a
 * server or a sender that lies about the size costs at most one byte over the limit. Self-hosted servers in
 * {@code --local} mode answer an absolute path on their disk instead of a downloadable one: such paths are
 * refused as failures.
 *
 * <p>The token is part of the address: no exception thrown here carries the address, a path or the message
 * of a lower-level exception (which might), only what went wrong. Thread-safe.
 */
public final class TelegramFiles {

	/** What a download gave: the bytes, or a refusal because the file is larger than the limit. */
	public sealed interface Download {

		record Fetched(byte[] bytes) implements Download {
		}

		record TooLarge() implements Download {
		}

	}

	private final TelegramClient client;

	private final OkHttpClient http;

	private final TelegramUrl server;

	private final String token;

	private final Duration timeout;

	public TelegramFiles(TelegramClient client, OkHttpClient http, TelegramUrl server, String token, Duration timeout) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.server = Objects.requireNonNull(server, "server must not be null");
		this.token = Objects.requireNonNull(token, "token must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		// shares the connection pool of the bot's client; one whole download may take no longer than a call
		this.http = http.newBuilder().callTimeout(timeout).build();
	}

	/**
	 * Fetches the file with this id, unless Telegram declares it larger than {@code maxBytes} or it turns
	 * out larger while it is read.
	 *
	 * @throws IOException when the Bot API does not answer in time, refuses, or the download fails; the
	 * message says which, never the address
	 */
	public Download fetch(String fileId, int maxBytes) throws IOException {
		if (fileId == null || fileId.isBlank() || maxBytes <= 0) {
			throw new IllegalArgumentException("a file id and a positive limit are needed, limit was " + maxBytes);
		}
		File file = describe(fileId);
		if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
			return new Download.TooLarge();
		}
		String path = file.getFilePath();
		if (path == null || !path.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") || path.matches("(.*/)?\\.\\.?(/.*)?")) {
			throw new IOException("the Bot API gave no downloadable path for the file");
		}
		HttpUrl url = new HttpUrl.Builder().scheme(server.getSchema()).host(server.getHost()).port(server.getPort())
			.addPathSegment("file").addPathSegment("bot" + token).addPathSegments(path).build();
		Response response;
		try {
			response = http.newCall(new Request.Builder().url(url).get().build()).execute();
		}
		catch (IOException ex) {
			throw withoutAddress(ex);
		}
		try (response) {
			ResponseBody body = response.body();
			if (!response.isSuccessful() || body == null) {
				throw new IOException("the Bot API answered " + response.code() + " to a file download");
			}
			byte[] bytes;
			try (InputStream in = body.byteStream()) {
				// never trust Content-Length: read one byte past the limit and no further
				bytes = in.readNBytes(maxBytes + 1);
			}
			catch (IOException ex) {
				throw withoutAddress(ex);
			}
			return bytes.length > maxBytes ? new Download.TooLarge() : new Download.Fetched(bytes);
		}
	}

	/** OkHttp's messages may name the address, and the address holds the token: keep only the kind. */
	private static IOException withoutAddress(IOException ex) {
		return new IOException("downloading a file failed: " + ex.getClass().getSimpleName());
	}

	private File describe(String fileId) throws IOException {
		try {
			File file = client.executeAsync(GetFile.builder().fileId(fileId).build())
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (file == null) {
				throw new IOException("the Bot API answered getFile with nothing");
			}
			return file;
		}
		catch (TimeoutException ex) {
			throw new IOException("getFile took longer than " + timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			throw new IOException("getFile failed: " + ex.getCause().getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while asking for a file");
		}
		catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException ex) {
			throw new IOException("getFile could not be sent: " + ex.getClass().getSimpleName());
		}
	}

}
