package org.vigia.bot.signal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake signal-cli daemon for tests: its HTTP interface ({@code POST /api/v1/rpc}, {@code GET /api/v1/events},
 * {@code GET /api/v1/check}) on a free loopback port, in multi-account mode with {@code --receive-mode=manual},
 * answering as signal-cli 0.14 does (its {@code HttpServerHandler}, {@code SignalJsonRpcCommandHandler} and
 * commands).
 *
 * <p>Receiving: messages for an account wait in its queue ({@link #deliver}, {@link #message}) until a
 * {@code receive} takes them; {@code receive} waits {@code timeout} seconds for the next message, again after
 * each one, up to {@code maxMessages}, and a message it took is gone from the queue even if the client never
 * reads the answer (signal-cli has acknowledged it to Signal by then). While an event-stream client is connected,
 * signal-cli receives continuously: queued messages go to that stream, and {@code receive} fails with "already
 * being received".
 *
 * <p>Sending: {@code send}, {@code sendReaction}, {@code getAttachment}, {@code submitRateLimitChallenge},
 * {@code listGroups}, recorded with their parameters ({@link #calls}). Answers carry phone numbers where
 * signal-cli's do (recipient addresses, envelopes, group members), so tests can show the client drops them.
 * Faults: a captcha demand ({@link #demandProof}: -5 with a challenge token until the right captcha is
 * submitted; {@link #demandProofAfter} after a number of messages), rate limits ({@link #rateLimitNext}, or a
 * limiter that refuses what goes beyond {@link Limits}: {@link #enforceLimits}), unregistered recipients
 * ({@link #unregistered}), and {@link #outage}s (a proxy's 503, signal-cli's I/O error, garbage, a hanging
 * request). {@link #listen Listeners} hear of every message sent, as people's phones would. {@link #close()}
 * stops the server and its threads.
 */
public final class FakeSignalCli implements AutoCloseable {

	/** The bot's test account (signal-cli names accounts by phone number). */
	public static final String ACCOUNT = "+15550100001";

	/** A captcha solution the fake accepts for any challenge. */
	public static final String SOLVED_CAPTCHA = "signalcaptcha://signal-hcaptcha.5fad97ac.registration.solved";

	/** How long tests wait for the client. */
	public static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One recorded call: the method, its parameters, when it arrived, the error code it got (0: success), and for
	 * a message sent, the timestamp signal-cli answered (what a person's quote of it names; 0 otherwise).
	 */
	public record Call(String method, JsonNode params, Instant at, int error, long timestamp) {

		public boolean succeeded() {
			return error == 0;
		}

		public String text() {
			return params.path("message").asString("");
		}

		/** The person (service id) or group a send went to. */
		public String to() {
			JsonNode recipient = params.path("recipient");
			if (recipient.isArray() && !recipient.isEmpty()) {
				return recipient.get(0).asString();
			}
			return recipient.isString() ? recipient.asString() : params.path("groupId").asString("");
		}

	}

	/** How every call fails during an {@link #outage}. */
	public enum Fault {

		/** 503 with a proxy's HTML page (signal-cli's container restarting behind a proxy). */
		SERVER_ERROR,
		/** signal-cli's own I/O error (-3): Signal's servers unreachable. */
		IO_ERROR,
		/** 200 with a body that is not JSON. */
		GARBAGE,
		/** No answer until the outage ends. */
		HANG

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final Map<String, ArrayDeque<ObjectNode>> queues = new HashMap<>();

	private final Map<String, Integer> streams = new HashMap<>();

	private final Set<String> receiving = new HashSet<>();

	private final List<Call> calls = new ArrayList<>();

	private final Set<String> unregistered = new HashSet<>();

	private final Map<String, byte[]> attachments = new HashMap<>();

	private final List<ObjectNode> groups = new ArrayList<>();

	private final AtomicLong clock = new AtomicLong(1_760_000_000_000L);

	private String proofToken;

	private long proofRetryAfter;

	private int rateLimits;

	private long rateLimitRetryAfter;

	private Fault outage;

	private boolean holdReceives;

	private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

	private int heldByReceive;

	private volatile boolean closed;

	private final List<java.util.function.Consumer<Call>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	private Limits limits;

	/** Token buckets of the limiter, by recipient ("" for the whole account): {tokens, refilled at (ns)}. */
	private final Map<String, double[]> buckets = new HashMap<>();

	/** Waits the limiter announced (retryAfterSeconds), still running or recent. */
	private final List<Pause> pauses = new ArrayList<>();

	private int sendsInFlightOfAPause;

	private int sendsIgnoringAPause;

	private int refusedByLimits;

	private int refusedForProof;

	private int proofAfter = -1;

	private String proofAfterToken;

	private Instant proofDemandedAt;

	private Instant proofLiftedAt;

	public FakeSignalCli() throws IOException {
		queues.put(ACCOUNT, new ArrayDeque<>());
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/v1/rpc", this::rpc);
		server.createContext("/api/v1/events", this::events);
		server.createContext("/api/v1/check", this::check);
		server.setExecutor(executor);
		server.start();
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	// ------------------------------------------------------------------ what people send the bot

	/**
	 * Queues a private text message from a person, as signal-cli prints it: with their phone number
	 * ({@link #numberOf}) and profile name ({@link #NAME}), which the client must drop.
	 */
	public ObjectNode message(String senderUuid, String text) {
		ObjectNode item = item(senderUuid, nextTimestamp());
		((ObjectNode) item.get("envelope").get("dataMessage")).put("message", text);
		deliver(item);
		return item;
	}

	/** A profile name every fake sender has. */
	public static final String NAME = "Rosa Martínez";

	/** The phone number signal-cli would print for a sender: a different one for each. */
	public static String numberOf(String senderUuid) {
		return "+1312555" + String.format("%04d", Math.floorMod(senderUuid.hashCode(), 10_000));
	}

	/** An item for the bot's account with an envelope from this sender and a data message to fill in. */
	public ObjectNode item(String senderUuid, long timestamp) {
		ObjectNode item = JSON.createObjectNode();
		item.put("account", ACCOUNT);
		ObjectNode envelope = item.putObject("envelope");
		envelope.put("source", numberOf(senderUuid));
		envelope.put("sourceNumber", numberOf(senderUuid));
		envelope.put("sourceUuid", senderUuid);
		envelope.put("sourceName", NAME);
		envelope.put("sourceDevice", 1);
		envelope.put("timestamp", timestamp);
		envelope.put("serverReceivedTimestamp", timestamp + 40);
		envelope.put("serverDeliveredTimestamp", timestamp + 90);
		ObjectNode data = envelope.putObject("dataMessage");
		data.put("timestamp", timestamp);
		data.put("expiresInSeconds", 0);
		data.put("viewOnce", false);
		return item;
	}

	/** Queues an item for the account it names (or the bot's, if it names none). */
	public void deliver(ObjectNode item) {
		lock.lock();
		try {
			String account = item.path("account").asString(ACCOUNT);
			queues.computeIfAbsent(account, a -> new ArrayDeque<>()).add(item.deepCopy());
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/** Queues an item for the bot's account whatever account it names: a mix-up, or a forgery. */
	public void deliverToBot(ObjectNode item) {
		lock.lock();
		try {
			queues.get(ACCOUNT).add(item.deepCopy());
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/** Messages waiting for the bot's account. */
	public int waiting() {
		lock.lock();
		try {
			return queues.get(ACCOUNT).size();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * A timestamp after every one given before, like a phone's clock: a second after the last, from October 2025
	 * (so Signal's 24-hour edit window of a message the fake sent has always passed, and the bot's edits of it
	 * are follow-ups quoting it), or, after {@link #realTimestamps()}, the wall clock's milliseconds.
	 */
	public long nextTimestamp() {
		if (realTimestamps) {
			return clock.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
		}
		return clock.addAndGet(1000);
	}

	private volatile boolean realTimestamps;

	/**
	 * From now on, timestamps are the wall clock's milliseconds (each after the last), as signal-cli's are: the
	 * bot's edits of the messages it sent fall within Signal's edit window, as they would in production.
	 */
	public void realTimestamps() {
		realTimestamps = true;
	}

	// ------------------------------------------------------------------ faults and fixtures

	/** Every send fails with "proof required" and this challenge token until the captcha is submitted. */
	public void demandProof(String token, long retryAfterSeconds) {
		lock.lock();
		try {
			proofToken = token;
			proofRetryAfter = retryAfterSeconds;
		}
		finally {
			lock.unlock();
		}
	}

	/** Signal lifts its captcha demand by itself (its wait has passed): sends go through again. */
	public void liftProof() {
		demandProof(null, 0);
	}

	/** The next {@code count} sends fail with a rate limit (no captcha). */
	public void rateLimitNext(int count, long retryAfterSeconds) {
		lock.lock();
		try {
			rateLimits = count;
			rateLimitRetryAfter = retryAfterSeconds;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Signal-like limits for {@link #enforceLimits}: a token bucket for the whole account ({@code perSecond}, up to
	 * {@code burst} at once) and one per recipient, person or group ({@code perRecipientPerSecond}, up to
	 * {@code perRecipientBurst}). Signal publishes no figures; these are a test's choice.
	 */
	public record Limits(double perSecond, int burst, double perRecipientPerSecond, int perRecipientBurst) {

		public Limits {
			if (perSecond <= 0 || burst < 1 || perRecipientPerSecond <= 0 || perRecipientBurst < 1) {
				throw new IllegalArgumentException("rates must be positive and bursts at least 1");
			}
		}

	}

	/**
	 * A grace after a refusal within which a send that arrives during the announced wait counts as already on its
	 * way when the client read the refusal ({@link #sendsInFlightOfAPause}), not as the wait ignored.
	 */
	public static final Duration PAUSE_GRACE = Duration.ofSeconds(1);

	/** A wait the limiter announced: for one recipient, or for the whole account ({@code recipient} ""). */
	private record Pause(String recipient, long fromNanos, long untilNanos) {
	}

	/**
	 * From now on, a send or reaction beyond these limits is refused as Signal refuses it (signal-cli's -5 with a
	 * {@code RATE_LIMIT_FAILURE} result) with {@code retryAfterSeconds}: the whole seconds until the bucket that
	 * refused it has a token again. A refused message takes no token. Every send that arrives while such a wait
	 * runs is counted: within {@link #PAUSE_GRACE} of the refusal as in flight, later as the wait ignored.
	 */
	public void enforceLimits(Limits limits) {
		lock.lock();
		try {
			this.limits = limits;
			buckets.clear();
		}
		finally {
			lock.unlock();
		}
	}

	/** Sends that arrived during a wait the limiter announced, within {@link #PAUSE_GRACE} of announcing it. */
	public int sendsInFlightOfAPause() {
		lock.lock();
		try {
			return sendsInFlightOfAPause;
		}
		finally {
			lock.unlock();
		}
	}

	/** Sends and reactions refused so far: {beyond the {@link #enforceLimits limits}, for a captcha demand}. */
	public int[] refusals() {
		lock.lock();
		try {
			return new int[] { refusedByLimits, refusedForProof };
		}
		finally {
			lock.unlock();
		}
	}

	/** Sends that arrived during a wait the limiter announced, later than {@link #PAUSE_GRACE} after it. */
	public int sendsIgnoringAPause() {
		lock.lock();
		try {
			return sendsIgnoringAPause;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * After {@code sends} more messages go through, every send fails with "proof required" and this token, as in
	 * {@link #demandProof}, until the captcha is submitted.
	 */
	public void demandProofAfter(int sends, String token, long retryAfterSeconds) {
		lock.lock();
		try {
			proofAfter = sends;
			proofAfterToken = token;
			proofRetryAfter = retryAfterSeconds;
		}
		finally {
			lock.unlock();
		}
	}

	/** When the last captcha demand began refusing messages, and when it was lifted (null: not yet). */
	public Instant[] proofDemand() {
		lock.lock();
		try {
			return new Instant[] { proofDemandedAt, proofLiftedAt };
		}
		finally {
			lock.unlock();
		}
	}

	/** Hears of every message signal-cli sent (not refused), after it is sent, on the server's threads. */
	public void listen(java.util.function.Consumer<Call> listener) {
		listeners.add(listener);
	}

	/** Sends to this person fail: they left Signal. */
	public void unregistered(String uuid) {
		lock.lock();
		try {
			unregistered.add(uuid);
		}
		finally {
			lock.unlock();
		}
	}

	/** A file signal-cli keeps, fetchable with {@code getAttachment}. */
	public void attachment(String id, byte[] bytes) {
		lock.lock();
		try {
			attachments.put(id, bytes.clone());
		}
		finally {
			lock.unlock();
		}
	}

	/** A group the account is in, with a member whose phone number signal-cli prints. */
	public void group(String id, String name, boolean announcementOnly) {
		ObjectNode group = JSON.createObjectNode();
		group.put("id", id);
		group.put("name", name);
		group.put("description", "");
		group.put("isMember", true);
		group.put("isBlocked", false);
		group.put("messageExpirationTime", 0);
		ObjectNode member = group.putArray("members").addObject();
		member.put("number", "+13125550199");
		member.put("uuid", "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
		member.put("isAdmin", true);
		group.putArray("admins").addObject().put("number", "+13125550199");
		group.put("permissionAddMember", "ONLY_ADMINS");
		group.put("permissionEditDetails", "ONLY_ADMINS");
		group.put("permissionSendMessage", announcementOnly ? "ONLY_ADMINS" : "EVERY_MEMBER");
		group.putNull("groupInviteLink");
		lock.lock();
		try {
			groups.add(group);
		}
		finally {
			lock.unlock();
		}
	}

	/** A receive that took messages does not answer until {@link #releaseReceives()}. */
	public void holdReceives() {
		lock.lock();
		try {
			holdReceives = true;
		}
		finally {
			lock.unlock();
		}
	}

	public void releaseReceives() {
		lock.lock();
		try {
			holdReceives = false;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/** Messages a held receive has taken and not yet answered. */
	public int heldByReceive() {
		lock.lock();
		try {
			return heldByReceive;
		}
		finally {
			lock.unlock();
		}
	}

	public void outage(Fault fault) {
		lock.lock();
		try {
			outage = fault;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	public void endOutage() {
		outage(null);
	}

	// ------------------------------------------------------------------ what the client did

	public List<Call> calls(String method) {
		lock.lock();
		try {
			return calls.stream().filter(c -> c.method().equals(method)).toList();
		}
		finally {
			lock.unlock();
		}
	}

	/** Calls answered with an outage's fault. */
	public int refused() {
		return refused.get();
	}

	/** Event-stream clients connected now. */
	public int eventStreams() {
		lock.lock();
		try {
			return streams.values().stream().mapToInt(Integer::intValue).sum();
		}
		finally {
			lock.unlock();
		}
	}

	/** Messages signal-cli sent, in the order it sent them. */
	public List<Call> sent() {
		return calls("send").stream().filter(Call::succeeded).toList();
	}

	/** Messages sent to one person (service id) or group, in order. */
	public List<Call> sentTo(String recipient) {
		return sent().stream().filter(c -> c.to().equals(recipient)).toList();
	}

	// ------------------------------------------------------------------ HTTP

	private void check(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.sendResponseHeaders(outage == Fault.SERVER_ERROR ? 503 : 200, -1);
		}
	}

	private void events(HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		String account = query != null && query.startsWith("account=")
				? java.net.URLDecoder.decode(query.substring(8), StandardCharsets.UTF_8) : ACCOUNT;
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		out.flush();
		lock.lock();
		try {
			streams.merge(account, 1, Integer::sum);
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		try {
			while (!closed) {
				ObjectNode next;
				lock.lock();
				try {
					var queue = queues.computeIfAbsent(account, a -> new ArrayDeque<>());
					if (queue.isEmpty()) {
						changed.await(200, TimeUnit.MILLISECONDS);
					}
					next = queue.poll();
				}
				finally {
					lock.unlock();
				}
				if (next != null) {
					out.write(("event:receive\ndata:" + JSON.writeValueAsString(next) + "\n\n").getBytes(StandardCharsets.UTF_8));
				}
				else {
					out.write(":\n".getBytes(StandardCharsets.UTF_8));
				}
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client went away
		}
		finally {
			lock.lock();
			try {
				streams.merge(account, -1, Integer::sum);
			}
			finally {
				lock.unlock();
			}
			exchange.close();
		}
	}

	private void rpc(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			if (contentType == null || !contentType.startsWith("application/json")) {
				exchange.sendResponseHeaders(415, -1);
				return;
			}
			byte[] body = exchange.getRequestBody().readAllBytes();
			Fault fault = awaitOutage();
			if (fault != null) {
				refused.incrementAndGet();
			}
			if (fault == Fault.SERVER_ERROR || fault == Fault.HANG) {
				respond(exchange, 503, "<html><body><h1>503 Service Unavailable</h1></body></html>");
				return;
			}
			if (fault == Fault.GARBAGE) {
				respond(exchange, 200, "<html><body>captive portal</body></html>");
				return;
			}
			JsonNode request;
			try {
				request = JSON.readTree(body);
			}
			catch (RuntimeException ex) {
				respond(exchange, 200, error(null, -32700, "parse error", null));
				return;
			}
			JsonNode id = request.get("id");
			String method = request.path("method").asString("");
			ObjectNode params = request.get("params") instanceof ObjectNode p ? p : JSON.createObjectNode();
			if (fault == Fault.IO_ERROR) {
				record(method, params, -3);
				respond(exchange, 200, error(id, -3, "Error while communicating with the server", null));
				return;
			}
			String account = params.path("account").asString(ACCOUNT);
			if (!queues.containsKey(account)) {
				record(method, params, -32602);
				respond(exchange, 200, error(id, -32602, "Specified account does not exist", null));
				return;
			}
			String answer = switch (method) {
				case "send" -> send(id, params);
				case "sendReaction" -> reaction(id, params);
				case "receive" -> receive(id, params, account);
				case "getAttachment" -> getAttachment(id, params);
				case "submitRateLimitChallenge" -> submit(id, params);
				case "listGroups" -> listGroups(id, params);
				default -> {
					record(method, params, -32601);
					yield error(id, -32601, "Method not implemented", null);
				}
			};
			respond(exchange, 200, answer);
		}
	}

	/** The outage now; a hanging call waits until the outage ends or the fake closes. */
	private Fault awaitOutage() {
		lock.lock();
		try {
			while (outage == Fault.HANG && !closed) {
				changed.await(200, TimeUnit.MILLISECONDS);
			}
			return closed ? Fault.SERVER_ERROR : outage;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Fault.SERVER_ERROR;
		}
		finally {
			lock.unlock();
		}
	}

	private String send(JsonNode id, ObjectNode params) {
		Delivery delivery;
		lock.lock();
		try {
			String text = params.path("message").asString("");
			if (text.isEmpty() && !params.has("attachments") && !params.has("attachment")) {
				record("send", params, -1);
				return error(id, -1,
						"Sending empty message is not allowed, either a message, attachment or sticker must be given.", null);
			}
			if (params.has("quoteTimestamp") && !params.has("quoteAuthor")) {
				record("send", params, -1);
				return error(id, -1, "Quote author parameter is missing", null);
			}
			delivery = delivery("send", id, params);
		}
		finally {
			lock.unlock();
		}
		return told(delivery);
	}

	private String reaction(JsonNode id, ObjectNode params) {
		Delivery delivery;
		lock.lock();
		try {
			delivery = delivery("sendReaction", id, params);
		}
		finally {
			lock.unlock();
		}
		return told(delivery);
	}

	/** signal-cli's answer to a send, and the call it made if it sent the message (null if it refused). */
	private record Delivery(String answer, Call sent) {
	}

	/** Tells the listeners of a message sent; the answer. */
	private String told(Delivery delivery) {
		if (delivery.sent() != null) {
			for (var listener : listeners) {
				listener.accept(delivery.sent());
			}
		}
		return delivery.answer();
	}

	/** The answer to a send or a reaction; under the lock. */
	private Delivery delivery(String method, JsonNode id, ObjectNode params) {
		String recipient = recipient(params);
		long now = System.nanoTime();
		countPauses(recipient, now);
		if (proofToken == null && proofAfter == 0) {
			proofToken = proofAfterToken;
			proofAfter = -1;
		}
		if (proofToken != null) {
			refusedForProof++;
			if (proofDemandedAt == null || proofLiftedAt != null) {
				proofDemandedAt = Instant.now();
				proofLiftedAt = null;
			}
			record(method, params, -5);
			ObjectNode result = result(recipient, "RATE_LIMIT_FAILURE");
			result.put("token", proofToken);
			result.put("retryAfterSeconds", proofRetryAfter);
			return new Delivery(error(id, -5, "Failed to send message due to rate limiting", response(result)), null);
		}
		if (rateLimits > 0) {
			rateLimits--;
			record(method, params, -5);
			ObjectNode result = result(recipient, "RATE_LIMIT_FAILURE");
			result.put("retryAfterSeconds", rateLimitRetryAfter);
			return new Delivery(error(id, -5, "Failed to send message due to rate limiting", response(result)), null);
		}
		long wait = limited(recipient, now);
		if (wait > 0) {
			refusedByLimits++;
			record(method, params, -5);
			ObjectNode result = result(recipient, "RATE_LIMIT_FAILURE");
			result.put("retryAfterSeconds", wait);
			return new Delivery(error(id, -5, "Failed to send message due to rate limiting", response(result)), null);
		}
		if (unregistered.contains(recipient)) {
			record(method, params, -1);
			return new Delivery(
					error(id, -1, "Failed to send message", response(result(recipient, "UNREGISTERED_FAILURE"))), null);
		}
		if (proofAfter > 0) {
			proofAfter--;
		}
		long timestamp = nextTimestamp();
		var call = new Call(method, params.deepCopy(), Instant.now(), 0, timestamp);
		calls.add(call);
		ObjectNode answer = JSON.createObjectNode();
		answer.put("timestamp", timestamp);
		answer.putArray("results").add(result(recipient, "SUCCESS"));
		return new Delivery(success(id, answer), call);
	}

	/**
	 * The limiter: takes a token from the account's bucket and the recipient's, or, if either is empty, takes
	 * none, notes the wait it announces, and answers its whole seconds; 0 when the send may go. Under the lock.
	 */
	private long limited(String recipient, long now) {
		if (limits == null) {
			return 0;
		}
		double[] account = bucket("", limits.burst(), limits.perSecond(), now);
		double[] own = bucket(recipient, limits.perRecipientBurst(), limits.perRecipientPerSecond(), now);
		if (account[0] >= 1 && own[0] >= 1) {
			account[0] -= 1;
			own[0] -= 1;
			return 0;
		}
		boolean wholeAccount = account[0] < 1;
		double rate = wholeAccount ? limits.perSecond() : limits.perRecipientPerSecond();
		double tokens = wholeAccount ? account[0] : own[0];
		long seconds = Math.max(1, (long) Math.ceil((1 - tokens) / rate));
		pauses.add(new Pause(wholeAccount ? "" : recipient, now, now + TimeUnit.SECONDS.toNanos(seconds)));
		return seconds;
	}

	/** A bucket refilled up to now. */
	private double[] bucket(String recipient, int burst, double perSecond, long now) {
		double[] bucket = buckets.computeIfAbsent(recipient, r -> new double[] { burst, now });
		bucket[0] = Math.min(burst, bucket[0] + (now - (long) bucket[1]) / 1e9 * perSecond);
		bucket[1] = now;
		return bucket;
	}

	/** Counts a send that arrives while a wait the limiter announced (for everyone, or for its recipient) runs. */
	private void countPauses(String recipient, long now) {
		pauses.removeIf(p -> p.untilNanos() <= now);
		boolean inFlight = false, ignoring = false;
		for (Pause pause : pauses) {
			if (pause.recipient().isEmpty() || pause.recipient().equals(recipient)) {
				if (now - pause.fromNanos() <= PAUSE_GRACE.toNanos()) {
					inFlight = true;
				}
				else {
					ignoring = true;
				}
			}
		}
		if (ignoring) {
			sendsIgnoringAPause++;
		}
		else if (inFlight) {
			sendsInFlightOfAPause++;
		}
	}

	private String receive(JsonNode id, ObjectNode params, String account) {
		double timeout = params.path("timeout").asDouble(3.0);
		int max = params.path("maxMessages").asInt(-1);
		var messages = JSON.createArrayNode();
		lock.lock();
		try {
			if (streams.getOrDefault(account, 0) > 0 || receiving.contains(account)) {
				record("receive", params, -1);
				return error(id, -1, "Receive command cannot be used if messages are already being received.", null);
			}
			receiving.add(account);
			record("receive", params, 0);
			var queue = queues.get(account);
			long waitNanos = timeout < 0 ? TimeUnit.SECONDS.toNanos(60) : (long) (timeout * 1e9);
			long deadline = System.nanoTime() + waitNanos;
			while (!closed && (max < 0 || messages.size() < max)) {
				if (queue.isEmpty()) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						break;
					}
					changed.awaitNanos(left);
					continue;
				}
				// taken and acknowledged: gone from the queue whatever happens to this answer
				messages.add(queue.poll());
				deadline = System.nanoTime() + waitNanos;
			}
			while (holdReceives && !messages.isEmpty() && !closed) {
				heldByReceive = messages.size();
				changed.signalAll();
				changed.await(200, TimeUnit.MILLISECONDS);
			}
			heldByReceive = 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			receiving.remove(account);
			lock.unlock();
		}
		return success(id, messages);
	}

	private String getAttachment(JsonNode id, ObjectNode params) {
		lock.lock();
		try {
			String attachment = params.path("id").asString("");
			byte[] bytes = attachments.get(attachment);
			if (bytes == null) {
				record("getAttachment", params, -1);
				return error(id, -1, "Could not find attachment with ID: " + attachment, null);
			}
			record("getAttachment", params, 0);
			ObjectNode data = JSON.createObjectNode();
			data.put("data", java.util.Base64.getEncoder().encodeToString(bytes));
			return success(id, data);
		}
		finally {
			lock.unlock();
		}
	}

	private String submit(JsonNode id, ObjectNode params) {
		lock.lock();
		try {
			String challenge = params.path("challenge").asString("");
			String captcha = params.path("captcha").asString("").replace("signalcaptcha://", "");
			if (proofToken == null || !proofToken.equals(challenge)
					|| !SOLVED_CAPTCHA.replace("signalcaptcha://", "").equals(captcha)) {
				record("submitRateLimitChallenge", params, -6);
				return error(id, -6,
						"Captcha rejected, it may be outdated, already used or solved from a different IP address.", null);
			}
			record("submitRateLimitChallenge", params, 0);
			proofToken = null;
			proofLiftedAt = Instant.now();
			return success(id, JSON.createObjectNode());
		}
		finally {
			lock.unlock();
		}
	}

	private String listGroups(JsonNode id, ObjectNode params) {
		lock.lock();
		try {
			record("listGroups", params, 0);
			ArrayNode list = JSON.createArrayNode();
			groups.forEach(g -> list.add(g.deepCopy()));
			return success(id, list);
		}
		finally {
			lock.unlock();
		}
	}

	private static String recipient(ObjectNode params) {
		JsonNode recipient = params.path("recipient");
		if (recipient.isArray() && !recipient.isEmpty()) {
			return recipient.get(0).asString();
		}
		return recipient.isString() ? recipient.asString() : params.path("groupId").asString("");
	}

	/** A send result for one recipient, with the phone number signal-cli prints beside the service id. */
	private static ObjectNode result(String recipient, String type) {
		ObjectNode result = JSON.createObjectNode();
		ObjectNode address = result.putObject("recipientAddress");
		address.put("uuid", recipient);
		address.put("number", numberOf(recipient));
		address.putNull("username");
		result.put("type", type);
		return result;
	}

	private static ObjectNode response(ObjectNode result) {
		ObjectNode data = JSON.createObjectNode();
		ObjectNode response = data.putObject("response");
		response.put("timestamp", 1_760_000_000_000L);
		response.putArray("results").add(result);
		return data;
	}

	private void record(String method, ObjectNode params, int error) {
		boolean locked = lock.isHeldByCurrentThread();
		if (!locked) {
			lock.lock();
		}
		try {
			calls.add(new Call(method, params.deepCopy(), Instant.now(), error, 0));
		}
		finally {
			if (!locked) {
				lock.unlock();
			}
		}
	}

	private static String success(JsonNode id, JsonNode result) {
		ObjectNode answer = JSON.createObjectNode();
		answer.put("jsonrpc", "2.0");
		answer.set("result", result);
		answer.set("id", id);
		return JSON.writeValueAsString(answer);
	}

	private static String error(JsonNode id, int code, String message, JsonNode data) {
		ObjectNode answer = JSON.createObjectNode();
		answer.put("jsonrpc", "2.0");
		ObjectNode error = answer.putObject("error");
		error.put("code", code);
		error.put("message", message);
		error.set("data", data);
		answer.set("id", id);
		return JSON.writeValueAsString(answer);
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		closed = true;
		lock.lock();
		try {
			outage = null;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		server.stop(0);
		executor.shutdownNow();
	}

}
