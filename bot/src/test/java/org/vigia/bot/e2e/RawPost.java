package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * POSTs to the webhook over a bare socket, to see when the bot answers: {@link #declaring} sends only the headers
 * of a large body and reads the answer without sending any of it; {@link #chunked} streams a body without a
 * declared length. A bot that read the body before answering would never answer the first (the read times out).
 */
final class RawPost {

	private RawPost() {
	}

	/** The status the bot answers to headers declaring {@code length} bytes, before any of them is sent. */
	static int declaring(int port, String secret, long length) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(headers(secret, "Content-Length: " + length).getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return status(socket.getInputStream());
		}
	}

	/** The status the bot answers to a chunked body of {@code length} bytes (it may answer before the end). */
	static int chunked(int port, String secret, int length) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(headers(secret, "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
			try {
				for (int sent = 0; sent < length; sent += chunk.length) {
					out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(chunk);
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (SocketException ex) {
				// the bot stopped reading and closed: its answer is already on the way
			}
			return status(socket.getInputStream());
		}
	}

	private static String headers(String secret, String length) {
		return "POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ (secret == null ? "" : "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n") + length
				+ "\r\nConnection: close\r\n\r\n";
	}

	private static int status(InputStream in) throws IOException {
		var line = new StringBuilder();
		for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
			line.append((char) c);
		}
		String[] parts = line.toString().split(" ");
		if (parts.length < 2) {
			throw new IOException("no HTTP answer: " + line);
		}
		return Integer.parseInt(parts[1]);
	}

}
