package org.vigia.bot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.awaitility.Awaitility;
import redis.embedded.core.ExecutableProvider;

/**
 * Redis in its high-availability set-up, as docker/compose.ha.yaml runs it, for a test: a primary and a replica
 * (append-only files, passwords) and three sentinels that watch them, each its own redis-server process (the
 * binary that embedded-redis ships; sentinels with {@code --sentinel}) on a free loopback port. The test can
 * SIGKILL the primary and ask the sentinels who the primary is now. {@link #close} kills every process.
 */
final class TestSentinels implements AutoCloseable {

	static final String MASTER = "vigia", DATA_PASSWORD = "data-password-0123456789", SENTINEL_PASSWORD = "sentinel-password-0123456789";

	private final Path folder;

	private final List<Process> processes = new ArrayList<>();

	private final List<Integer> sentinelPorts = new ArrayList<>();

	private final RedisClient client = RedisClient.create();

	private Process primary;

	private int primaryPort, replicaPort;

	private TestSentinels(Path folder) {
		this.folder = folder;
	}

	/** Starts the primary, the replica and the sentinels, and waits until the sentinels know every one of them. */
	static TestSentinels start(Path folder) {
		var set = new TestSentinels(folder);
		try {
			set.primaryPort = freePort();
			set.replicaPort = freePort();
			set.primary = set.dataNode("primary", set.primaryPort, "");
			set.dataNode("replica", set.replicaPort, "replicaof 127.0.0.1 " + set.primaryPort);
			for (int i = 1; i <= 3; i++) {
				int port = freePort();
				set.sentinelPorts.add(port);
				set.launch("sentinel" + i, port, String.join("\n", "port " + port, "bind 127.0.0.1",
						"dir " + folder.resolve("sentinel" + i), "requirepass " + SENTINEL_PASSWORD,
						"sentinel sentinel-pass " + SENTINEL_PASSWORD,
						"sentinel monitor " + MASTER + " 127.0.0.1 " + set.primaryPort + " 2",
						"sentinel auth-pass " + MASTER + " " + DATA_PASSWORD,
						"sentinel down-after-milliseconds " + MASTER + " 1000",
						"sentinel failover-timeout " + MASTER + " 10000", "sentinel parallel-syncs " + MASTER + " 1"),
						true);
			}
			Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
				for (int port : set.sentinelPorts) {
					Map<String, String> master = set.sentinel(port, c -> c.master(MASTER));
					if (!"1".equals(master.get("num-slaves")) || !"2".equals(master.get("num-other-sentinels"))) {
						return false;
					}
				}
				return true;
			});
			return set;
		}
		catch (RuntimeException ex) {
			set.close();
			throw ex;
		}
	}

	/**
	 * The bot's options for this set-up, under the names an operator sets (REDIS_SENTINEL_MASTER...), which
	 * become Spring Data Redis's sentinel properties; and a hash secret.
	 */
	String[] options() {
		return new String[] { "--vigia.redis.url=", "--REDIS_SENTINEL_MASTER=" + MASTER,
				"--REDIS_SENTINEL_NODES=" + String.join(",", sentinelPorts.stream().map(p -> "127.0.0.1:" + p).toList()),
				"--REDIS_SENTINEL_PASSWORD=" + SENTINEL_PASSWORD, "--REDIS_PASSWORD=" + DATA_PASSWORD,
				"--vigia.redis.hash-secret=" + hashSecret() };
	}

	static String hashSecret() {
		return "test-sentinel-secret-0123456789abcdef";
	}

	int primaryPort() {
		return primaryPort;
	}

	int replicaPort() {
		return replicaPort;
	}

	/** SIGKILL to the primary: it ends at once, whatever it had not sent its replica yet is gone with it. */
	void killPrimary() {
		primary.destroyForcibly();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !primary.isAlive());
	}

	/** The port of the primary according to every sentinel, or -1 while they disagree. */
	int primaryNow() {
		var ports = sentinelPorts.stream()
			.map(p -> ((java.net.InetSocketAddress) sentinel(p, c -> c.getMasterAddrByName(MASTER))).getPort())
			.distinct()
			.toList();
		return ports.size() == 1 ? ports.get(0) : -1;
	}

	/** How many times this data node forked (a rewrite of its append-only file is one). */
	long forks(int port) {
		var connectionClient = RedisClient.create(node(port));
		try (var connection = connectionClient.connect()) {
			String stats = connection.sync().info("stats");
			return stats.lines().filter(l -> l.startsWith("total_forks:")).mapToLong(l -> Long.parseLong(l.substring(12).strip()))
				.findFirst().orElseThrow();
		}
		finally {
			connectionClient.shutdown();
		}
	}

	/** A URI of a data node, with its password. */
	RedisURI node(int port) {
		return RedisURI.builder().withHost("127.0.0.1").withPort(port).withPassword(DATA_PASSWORD.toCharArray())
			.withTimeout(Duration.ofSeconds(2)).build();
	}

	private <T> T sentinel(int port, java.util.function.Function<io.lettuce.core.sentinel.api.sync.RedisSentinelCommands<String, String>, T> question) {
		var uri = RedisURI.builder().withHost("127.0.0.1").withPort(port).withPassword(SENTINEL_PASSWORD.toCharArray())
			.withTimeout(Duration.ofSeconds(2)).build();
		try (var connection = client.connectSentinel(uri)) {
			return question.apply(connection.sync());
		}
	}

	private Process dataNode(String name, int port, String extra) {
		return launch(name, port, String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + folder.resolve(name),
				"appendonly yes", "appendfsync everysec", "save \"\"", "requirepass " + DATA_PASSWORD,
				"masterauth " + DATA_PASSWORD, "repl-diskless-sync yes", "repl-diskless-sync-delay 0",
				"repl-diskless-load swapdb", extra), false);
	}

	private Process launch(String name, int port, String config, boolean sentinel) {
		try {
			Files.createDirectories(folder.resolve(name));
			Path file = folder.resolve(name).resolve(name + ".conf");
			Files.writeString(file, config + "\n");
			String binary = ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
			var command = new ArrayList<>(List.of(binary, file.toString()));
			if (sentinel) {
				command.add("--sentinel");
			}
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(folder.resolve(name + ".log").toFile())
				.start();
			processes.add(process);
			Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(name + " exited: " + Files.readString(folder.resolve(name + ".log")));
				}
				try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
					return true;
				}
				catch (IOException ex) {
					return false;
				}
			});
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		client.shutdown();
		processes.forEach(Process::destroyForcibly);
		for (Process process : processes) {
			try {
				process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
