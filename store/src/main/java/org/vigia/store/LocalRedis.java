package org.vigia.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One command to a Redis server on loopback, over a socket of its own, before (or without) any client
 * library: enough for {@link EmbeddedRedis} to recognise, inspect and shut down a server found on its
 * data folder. Replies come back as {@code String} (simple and bulk strings, errors prefixed with
 * {@code -}), {@code Long}, {@code List} or null; a connection the server closes (as SHUTDOWN does) reads
 * as null. Stateless and thread-safe.
 */
final class LocalRedis {

	private LocalRedis() {
	}

	/** @throws IOException if nothing answers on the port within {@code timeoutMillis} */
	static Object command(int port, int timeoutMillis, String... arguments) throws IOException {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
			socket.setSoTimeout(timeoutMillis);
			OutputStream out = socket.getOutputStream();
			var request = new ByteArrayOutputStream();
			request.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			for (String argument : arguments) {
				byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
				request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
				request.writeBytes(bytes);
				request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write(request.toByteArray());
			out.flush();
			return read(new BufferedInputStream(socket.getInputStream()));
		}
	}

	/** The value of one field of an INFO section ({@code process_id}, {@code aof_rewrite_in_progress}...). */
	static String info(int port, int timeoutMillis, String section, String field) throws IOException {
		Object answer = command(port, timeoutMillis, "INFO", section);
		if (answer instanceof String text) {
			for (String line : text.split("\r\n")) {
				if (line.startsWith(field + ":")) {
					return line.substring(field.length() + 1).strip();
				}
			}
		}
		throw new IOException("INFO " + section + " has no " + field);
	}

	private static Object read(InputStream in) throws IOException {
		int type = in.read();
		if (type < 0) {
			return null;
		}
		String line = line(in);
		return switch (type) {
			case '+' -> line;
			case '-' -> "-" + line;
			case ':' -> Long.parseLong(line);
			case '$' -> {
				int length = Integer.parseInt(line);
				if (length < 0) {
					yield null;
				}
				byte[] bytes = in.readNBytes(length + 2);
				yield new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			case '*' -> {
				int count = Integer.parseInt(line);
				var items = new ArrayList<Object>(Math.max(count, 0));
				for (int i = 0; i < count; i++) {
					items.add(read(in));
				}
				yield count < 0 ? null : List.copyOf(items.stream().map(i -> i == null ? "" : i).toList());
			}
			default -> throw new IOException("not a Redis reply");
		};
	}

	private static String line(InputStream in) throws IOException {
		var bytes = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\r'; b = in.read()) {
			if (b < 0) {
				throw new IOException("reply cut short");
			}
			bytes.write(b);
		}
		in.read();
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
