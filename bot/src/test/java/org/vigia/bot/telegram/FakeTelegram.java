package org.vigia.bot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Telegram Bot API server for tests, over real HTTP on a free loopback port.
 *
 * <p>It speaks the Bot API's JSON at {@code /bot{token}/{method}}: getUpdates holds the long poll until
 * updates arrive or its timeout passes (an instant answer would make the poller spin), sendMessage,
 * editMessageText, answerCallbackQuery, setWebhook and the rest answer as Telegram does. Every call is
 * recorded with its parameters and time. Tests can make the next calls of a method fail with 429 and a
 * {@code retry_after}, or with 500. {@link #close()} stops the server and its threads.
 */
public final class FakeTelegram implements AutoCloseable {

	public static final String TOKEN = "123456:TEST-token-not-a-secret";

	/** One recorded call. */
	public record Call(String method, JsonNode params, Instant at) {

		public String text() {
			return params.path("text").asText();
		}

		public String chat() {
			return params.path("chat_id").asText();
		}

		/** The callback data or text of every button, in order. */
		public List<String> buttons() {
			var out = new ArrayList<String>();
			params.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> out.add(
					b.path("callback_data").asText())));
			params.path("reply_markup").path("keyboard").forEach(row -> row.forEach(b -> out.add(b.path("text")
				.asText())));
			return out;
		}

		public String button(String prefix) {
			return buttons().stream().filter(b -> b.startsWith(prefix)).findFirst().orElseThrow(
					() -> new AssertionError("no button starting with " + prefix + " in " + buttons()));
		}

	}

	private record Failure(int status, int retryAfter, String chat) {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition updatesArrived = lock.newCondition();

	private final List<ObjectNode> pending = new ArrayList<>();

	private final List<Call> calls = new ArrayList<>();

	private final Map<String, List<Failure>> failures = new HashMap<>();

	private volatile boolean closed;

	private volatile boolean enforceLimits;

	private final Map<String, Long> lastSendTo = new HashMap<>();

	private final java.util.ArrayDeque<Long> recentSends = new java.util.ArrayDeque<>();

	private final AtomicInteger limitViolations = new AtomicInteger();

	private final AtomicInteger updateIds = new AtomicInteger(1000);

	private final AtomicInteger messageIds = new AtomicInteger(1);

	private final AtomicInteger callbackIds = new AtomicInteger(1);

	public FakeTelegram() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(executor);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	// ---- updates -------------------------------------------------------------------------------

	/** Queues an update for getUpdates and returns its update_id. */
	public int deliver(ObjectNode update) {
		lock.lock();
		try {
			if (!update.has("update_id")) {
				update.put("update_id", updateIds.incrementAndGet());
			}
			pending.add(update);
			updatesArrived.signalAll();
			return update.get("update_id").asInt();
		}
		finally {
			lock.unlock();
		}
	}

	public ObjectNode text(long user, String language, String text) {
		ObjectNode message = message(user, language);
		message.put("text", text);
		if (text.startsWith("/")) {
			int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
			message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
		}
		return update("message", message);
	}

	public ObjectNode location(long user, String language, double latitude, double longitude) {
		ObjectNode message = message(user, language);
		message.putObject("location").put("latitude", latitude).put("longitude", longitude);
		return update("message", message);
	}

	/** A live location update: Telegram sends these as edited messages. */
	public ObjectNode liveLocation(long user, String language, double latitude, double longitude) {
		ObjectNode message = message(user, language);
		message.putObject("location").put("latitude", latitude).put("longitude", longitude).put("live_period", 3600);
		message.put("edit_date", Instant.now().getEpochSecond());
		return update("edited_message", message);
	}

	public ObjectNode press(long user, String language, String data) {
		ObjectNode query = JSON.createObjectNode();
		query.put("id", "cb" + callbackIds.incrementAndGet());
		query.set("from", user(user, language));
		query.put("chat_instance", "ci" + user);
		query.put("data", data);
		ObjectNode message = query.putObject("message");
		message.put("message_id", messageIds.get());
		message.put("date", Instant.now().getEpochSecond());
		message.set("chat", chat(user));
		message.put("text", "…");
		return update("callback_query", query);
	}

	private ObjectNode update(String kind, ObjectNode body) {
		ObjectNode update = JSON.createObjectNode();
		update.set(kind, body);
		return update;
	}

	private ObjectNode message(long user, String language) {
		ObjectNode message = JSON.createObjectNode();
		message.put("message_id", messageIds.incrementAndGet());
		message.put("date", Instant.now().getEpochSecond());
		message.set("from", user(user, language));
		message.set("chat", chat(user));
		return message;
	}

	private static ObjectNode user(long id, String language) {
		ObjectNode user = JSON.createObjectNode();
		user.put("id", id).put("is_bot", false).put("first_name", "Resident" + id).put("language_code", language);
		return user;
	}

	private static ObjectNode chat(long id) {
		ObjectNode chat = JSON.createObjectNode();
		chat.put("id", id).put("type", "private").put("first_name", "Resident" + id);
		return chat;
	}

	// ---- calls ---------------------------------------------------------------------------------

	/** Makes the next {@code times} calls of {@code method} answer 429 with this retry_after. */
	public void rateLimitNext(String method, int times, int retryAfterSeconds) {
		failNext(method, times, 429, retryAfterSeconds);
	}

	public void failNext(String method, int times, int status, int retryAfterSeconds) {
		failNext(method, null, times, status, retryAfterSeconds);
	}

	/** Makes the next {@code times} sendMessage calls to this chat answer 429 with this retry_after. */
	public void rateLimitNextTo(String chat, int times, int retryAfterSeconds) {
		failNext("sendMessage", chat, times, 429, retryAfterSeconds);
	}

	private void failNext(String method, String chat, int times, int status, int retryAfterSeconds) {
		lock.lock();
		try {
			var list = failures.computeIfAbsent(method.toLowerCase(java.util.Locale.ROOT), m -> new ArrayList<>());
			for (int i = 0; i < times; i++) {
				list.add(new Failure(status, retryAfterSeconds, chat));
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Makes the server answer 429 as Telegram would when a bot sends faster than its limits: more than 30
	 * messages in any second, two messages to one private chat within a second, or to one group or channel
	 * within three seconds (20 per minute).
	 */
	public void enforceLimits() {
		enforceLimits = true;
	}

	/** How many 429s the limits produced. */
	public int limitViolations() {
		return limitViolations.get();
	}

	private boolean overLimit(String method, JsonNode params) {
		if (!enforceLimits || !(method.equals("sendmessage") || method.equals("editmessagetext"))) {
			return false;
		}
		long now = System.nanoTime();
		String chat = params.path("chat_id").asText();
		long spacing = chat.startsWith("@") || chat.startsWith("-") ? 3_000_000_000L : 1_000_000_000L;
		lock.lock();
		try {
			while (!recentSends.isEmpty() && now - recentSends.peekFirst() >= 1_000_000_000L) {
				recentSends.pollFirst();
			}
			Long last = lastSendTo.get(chat);
			// a little slack for the network: Telegram itself is not exact to the millisecond
			if (recentSends.size() >= 30 || (last != null && now - last < spacing - 20_000_000L)) {
				limitViolations.incrementAndGet();
				return true;
			}
			recentSends.addLast(now);
			lastSendTo.put(chat, now);
			return false;
		}
		finally {
			lock.unlock();
		}
	}

	public List<Call> calls() {
		lock.lock();
		try {
			return List.copyOf(calls);
		}
		finally {
			lock.unlock();
		}
	}

	public List<Call> calls(String method) {
		return calls().stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
	}

	/** The messages sent to this chat (numeric id or @channel), in order. */
	public List<Call> sentTo(String chat) {
		return calls("sendMessage").stream().filter(c -> c.chat().equals(chat)).toList();
	}

	public List<Call> sentTo(long chat) {
		return sentTo(Long.toString(chat));
	}

	public List<Call> matching(Predicate<Call> filter) {
		return calls().stream().filter(filter).toList();
	}

	// ---- HTTP ----------------------------------------------------------------------------------

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String prefix = "/bot" + TOKEN + "/";
			if (!path.startsWith(prefix)) {
				respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
				return;
			}
			// Bot API method names are case-insensitive; the client sends them in lower case
			String method = path.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT);
			JsonNode params = params(exchange);
			if (!method.equals("getupdates")) {
				record(method, params);
			}
			Failure failure = overLimit(method, params) ? new Failure(429, 1, null)
					: nextFailure(method, params.path("chat_id").asText(""));
			if (failure != null) {
				String body = failure.status() == 429
						? "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
								+ failure.retryAfter() + "\",\"parameters\":{\"retry_after\":" + failure.retryAfter() + "}}"
						: "{\"ok\":false,\"error_code\":" + failure.status() + ",\"description\":\"Internal Server Error\"}";
				respond(exchange, failure.status(), body);
				return;
			}
			respond(exchange, 200, "{\"ok\":true,\"result\":" + answer(method, params) + "}");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private JsonNode params(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
		if (type.startsWith("application/json") && body.length > 0) {
			return JSON.readTree(body);
		}
		ObjectNode node = JSON.createObjectNode();
		if (type.startsWith("multipart/form-data")) {
			node.put("multipart", true);
			node.put("bytes", body.length);
			// text fields of the form, enough to assert on (setWebhook, sendPhoto's chat_id and caption)
			String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
			for (String part : new String(body, StandardCharsets.ISO_8859_1).split(java.util.regex.Pattern.quote(boundary))) {
				var name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part);
				int start = part.indexOf("\r\n\r\n");
				if (name.find() && start >= 0 && !part.contains("filename=")) {
					String value = part.substring(start + 4).replaceAll("\r\n$", "");
					node.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
				}
			}
		}
		return node;
	}

	private void record(String method, JsonNode params) {
		lock.lock();
		try {
			calls.add(new Call(method, params, Instant.now()));
		}
		finally {
			lock.unlock();
		}
	}

	private Failure nextFailure(String method, String chat) {
		lock.lock();
		try {
			var list = failures.get(method);
			if (list == null) {
				return null;
			}
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i).chat() == null || list.get(i).chat().equals(chat)) {
					return list.remove(i);
				}
			}
			return null;
		}
		finally {
			lock.unlock();
		}
	}

	private String answer(String method, JsonNode params) throws InterruptedException {
		return switch (method) {
			case "getupdates" -> updates(params);
			case "getme" -> "{\"id\":42,\"is_bot\":true,\"first_name\":\"Vigía\",\"username\":\"vigia_test_bot\"}";
			case "sendmessage", "editmessagetext", "sendphoto" -> sentMessage(params);
			default -> "true";
		};
	}

	private String sentMessage(JsonNode params) {
		String chat = params.path("chat_id").asText("0");
		boolean channel = chat.startsWith("@") || chat.startsWith("-");
		long chatId = chat.startsWith("@") ? -1001000000000L - Math.abs(chat.hashCode() % 1000) : parse(chat);
		int id = params.has("message_id") ? params.get("message_id").asInt() : messageIds.incrementAndGet();
		ObjectNode message = JSON.createObjectNode();
		message.put("message_id", id);
		message.put("date", Instant.now().getEpochSecond());
		message.putObject("chat").put("id", chatId).put("type", channel ? "channel" : "private");
		message.put("text", params.path("text").asText(""));
		return message.toString();
	}

	private static long parse(String chat) {
		try {
			return Long.parseLong(chat);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private String updates(JsonNode params) throws InterruptedException {
		long offset = params.path("offset").asLong(0);
		int timeout = Math.min(params.path("timeout").asInt(0), 50);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
		lock.lock();
		try {
			pending.removeIf(u -> u.get("update_id").asLong() < offset);
			while (pending.isEmpty() && !closed) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				updatesArrived.awaitNanos(left);
				pending.removeIf(u -> u.get("update_id").asLong() < offset);
			}
			ArrayNode result = JSON.createArrayNode();
			pending.stream().limit(100).forEach(result::add);
			return result.toString();
		}
		finally {
			lock.unlock();
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		closed = true;
		lock.lock();
		try {
			updatesArrived.signalAll();
		}
		finally {
			lock.unlock();
		}
		server.stop(0);
		executor.shutdownNow();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** How long tests wait for the bot. */
	public static final Duration PATIENCE = Duration.ofSeconds(20);

}
