package org.vigia.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.embedded.RedisServer;

/**
 * A Redis server started by the bot itself, for development and tests: bound to loopback on a free
 * port, append-only file on, under a data directory so that a restart keeps state. Production points
 * REDIS_URL at a real Redis instead.
 *
 * <p>Design note: the server ends with the process that started it (its owner). A clean stop stops it.
 * A killed owner (SIGKILL, out of memory, a power cut) cannot, so two files beside the data say who runs
 * what: {@code redis.port} (the server's port, which a console started on the same folder joins) and
 * {@code redis.owner} (the owner's process id and start time, which tell it from a later process that
 * got the same id). A server found on the folder whose owner is alive is joined ({@link #running}); one
 * whose owner is gone is an orphan, and the next {@link #start} on the folder shuts it down (it writes
 * its append-only file as it goes) and starts its own on the same port and data, so no server outlives
 * its owner's clean stop and no state is lost. A server is recognised as this folder's by asking it for
 * its {@code dir}: a server of another folder that took a stale port is never touched.
 *
 * <p>Not thread-safe; {@link #start}, {@link #stop} and {@link #close} are called by one owner.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

	private static final int PATIENCE_MILLIS = 500;

	private final Path dataDir;

	private final int port;

	private RedisServer server;

	private EmbeddedRedis(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/**
	 * Starts a server with its append-only file under {@code dataDir}: on a free loopback port, or, if a
	 * killed process left this folder's server running, on that server's port once it is shut down.
	 */
	public static EmbeddedRedis start(Path dataDir) {
		Path dir = dataDir.toAbsolutePath();
		var redis = new EmbeddedRedis(dir, stopOrphan(dir).orElseGet(EmbeddedRedis::freePort));
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
			// written before the server exists, so that a kill at any moment from here on leaves a trace
			ProcessHandle self = ProcessHandle.current();
			Files.writeString(ownerFile(dataDir), self.pid() + " "
					+ self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
			Files.writeString(portFile(dataDir), Integer.toString(port));
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
				Files.deleteIfExists(ownerFile(dataDir));
			}
			catch (IOException ex) {
				// a stale port file is checked with PING and the owner's process before anyone trusts it
			}
		}
	}

	static Path portFile(Path dataDir) {
		return dataDir.resolve("redis.port");
	}

	static Path ownerFile(Path dataDir) {
		return dataDir.resolve("redis.owner");
	}

	/**
	 * The port of an embedded server another live process already runs on this data folder: its port file
	 * names a server that answers PING and its owner is alive. A server whose owner died is not offered:
	 * {@link #start} replaces it.
	 */
	public static OptionalInt running(Path dataDir) {
		Path dir = dataDir.toAbsolutePath();
		OptionalInt port = answering(dir);
		return port.isPresent() && ownerAlive(dir) ? port : OptionalInt.empty();
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

	/** The port in the folder's port file, if a server answers PING there. */
	private static OptionalInt answering(Path dir) {
		try {
			int port = Integer.parseInt(Files.readString(portFile(dir)).strip());
			return "PONG".equals(LocalRedis.command(port, PATIENCE_MILLIS, "PING")) ? OptionalInt.of(port)
					: OptionalInt.empty();
		}
		catch (IOException | RuntimeException ex) {
			return OptionalInt.empty();
		}
	}

	/** Whether the process named in the owner file still runs (the same process, not one that took its id). */
	private static boolean ownerAlive(Path dir) {
		try {
			String[] owner = Files.readString(ownerFile(dir)).strip().split(" ");
			long pid = Long.parseLong(owner[0]);
			long started = Long.parseLong(owner[1]);
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.map(p -> started == 0 || p.info().startInstant().map(Instant::toEpochMilli).orElse(started) == started)
				.orElse(false);
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Shuts down this folder's server if its owner is gone, and answers its port; empty if there was none.
	 */
	private static OptionalInt stopOrphan(Path dir) {
		OptionalInt port = answering(dir);
		if (port.isEmpty() || ownerAlive(dir) || !servesFolder(port.getAsInt(), dir)) {
			return OptionalInt.empty();
		}
		try {
			long pid = Long.parseLong(LocalRedis.info(port.getAsInt(), PATIENCE_MILLIS, "server", "process_id"));
			Optional<ProcessHandle> orphan = ProcessHandle.of(pid);
			log.warn("The embedded Redis on loopback port {} outlived the process that started it; stopping it",
					port.getAsInt());
			// SHUTDOWN writes the append-only file out before the server exits
			Object refused = LocalRedis.command(port.getAsInt(), (int) Duration.ofSeconds(30).toMillis(), "SHUTDOWN");
			if (refused != null) {
				throw new IOException("SHUTDOWN answered " + refused);
			}
			if (orphan.isPresent()) {
				orphan.get().onExit().get(30, TimeUnit.SECONDS);
			}
			return port;
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not stop the embedded Redis a killed process left on port "
					+ port.getAsInt() + "; stop it by hand", ex);
		}
	}

	/** Whether the server on this port keeps its files in this folder (and is so this folder's server). */
	private static boolean servesFolder(int port, Path dir) {
		try {
			Object answer = LocalRedis.command(port, PATIENCE_MILLIS, "CONFIG", "GET", "dir");
			return answer instanceof List<?> pair && pair.size() == 2
					&& Path.of(pair.get(1).toString()).toRealPath().equals(dir.toRealPath());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
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
