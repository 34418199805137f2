package org.vigia.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A Redis server started by the bot itself, for development and tests: bound to loopback on a free
 * port, append-only file on, under a data directory so that a restart keeps state. Production points
 * REDIS_URL at a real Redis instead.
 *
 * <p>Not thread-safe; {@link #start}, {@link #stop} and {@link #close} are called by one owner.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private RedisServer server;

	private EmbeddedRedis(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/** Starts a server on a free loopback port with its append-only file under {@code dataDir}. */
	public static EmbeddedRedis start(Path dataDir) {
		var redis = new EmbeddedRedis(dataDir.toAbsolutePath(), freePort());
		redis.start();
		return redis;
	}

	/** Starts the server again (same port, same data) after {@link #stop}. */
	public synchronized void start() {
		if (server != null) {
			return;
		}
		try {
			Files.createDirectories(dataDir);
			var built = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("dir " + dataDir)
				.setting("appendonly yes")
				.setting("appendfsync everysec")
				.setting("save \"\"")
				.setting("protected-mode yes")
				.build();
			built.start();
			server = built;
			// so that the console (or a second process) started on the same data folder joins this server
			Files.writeString(portFile(dataDir), Integer.toString(port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the embedded Redis server", ex);
		}
	}

	/** Stops the server; its data stays in the append-only file. */
	public synchronized void stop() {
		if (server == null) {
			return;
		}
		try {
			server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not stop the embedded Redis server", ex);
		}
		finally {
			server = null;
			try {
				Files.deleteIfExists(portFile(dataDir));
			}
			catch (IOException ex) {
				// a stale port file is checked with PING before anyone trusts it
			}
		}
	}

	static Path portFile(Path dataDir) {
		return dataDir.resolve("redis.port");
	}

	/**
	 * The port of an embedded server another process already runs on this data folder, if its port file
	 * names one that answers PING.
	 */
	public static java.util.OptionalInt running(Path dataDir) {
		Path file = portFile(dataDir.toAbsolutePath());
		try {
			if (!Files.exists(file)) {
				return java.util.OptionalInt.empty();
			}
			int port = Integer.parseInt(Files.readString(file).strip());
			try (var socket = new java.net.Socket()) {
				socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
				socket.setSoTimeout(500);
				socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
				byte[] answer = socket.getInputStream().readNBytes(5);
				return "+PONG".equals(new String(answer, java.nio.charset.StandardCharsets.US_ASCII))
						? java.util.OptionalInt.of(port) : java.util.OptionalInt.empty();
			}
		}
		catch (IOException | NumberFormatException ex) {
			return java.util.OptionalInt.empty();
		}
	}

	public int port() {
		return port;
	}

	public Path dataDir() {
		return dataDir;
	}

	public synchronized boolean running() {
		return server != null;
	}

	@Override
	public void close() {
		stop();
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free loopback port", ex);
		}
	}

}
