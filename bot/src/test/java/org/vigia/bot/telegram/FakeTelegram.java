package org.vigia.bot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
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
 * editMessageText, answerCallbackQuery, getFile, setWebhook and the rest answer as Telegram does, and files
 * are served at {@code /file/bot{token}/{path}}. Every call is recorded with its parameters, its arrival time
 * and the status it got.
 *
 * <p>Faults, for the tests that prove the bot survives them: the next calls of a method can fail with 429
 * and a {@code retry_after} or with 500; an {@link #outage} makes every call fail with 500, hang until the
 * client gives up, or answer garbage; a {@link #hold} keeps chosen calls hanging until released (a call
 * held or hung is never carried out, as when Telegram never received it); getUpdates can be made to answer
 * raw bodies. {@link #enforceLimits(Limits)} makes it answer 429, with the {@code retry_after} Telegram would
 * give, to messages beyond Telegram's limits (per chat, per channel, for the whole bot).
 * {@link #close()} stops the server and its threads.
 */
public final class FakeTelegram implements AutoCloseable {

	public static final String TOKEN = "123456:TEST-token-not-a-secret";

	/** How long tests wait for the bot. */
	public static final Duration PATIENCE = Duration.ofSeconds(20);

	/**
	 * One recorded call: what the bot asked, when it arrived, and how the fake answered ({@code status} 200
	 * for a call Telegram would have carried out, 0 for one held until the client gave up).
	 */
	public record Call(String method, JsonNode params, Instant at, int status) {

		/** Whether Telegram would have carried this call out (answered 200). */
		public boolean delivered() {
			return status == 200;
		}

		public String text() {
			return params.path("text").asText();
		}

		public String chat() {
			return params.path("chat_id").asText();
		}

		/**
		 * The bytes of a file this call uploaded for this field (sendPhoto's {@code photo}), or empty; the field
		 * may name the upload ({@code attach://name}), as the client library does.
		 */
		public byte[] file(String field) {
			String value = params.path(field).asText("");
			String part = value.startsWith("attach://") ? value.substring("attach://".length()) : field;
			if (!params.has(part + "_file")) {
				// the library may name the upload after the file only: the one file of the call
				var files = new ArrayList<String>();
				params.fieldNames().forEachRemaining(n -> {
					if (n.endsWith("_file")) {
						files.add(n);
					}
				});
				return files.size() == 1 ? java.util.Base64.getDecoder().decode(params.path(files.get(0)).asText())
						: new byte[0];
			}
			return java.util.Base64.getDecoder().decode(params.path(part + "_file").asText(""));
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

		/** The label of every button, in order. */
		public List<String> buttonLabels() {
			var out = new ArrayList<String>();
			params.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> out.add(
					b.path("text").asText())));
			params.path("reply_markup").path("keyboard").forEach(row -> row.forEach(b -> out.add(b.path("text")
				.asText())));
			return out;
		}

		public String button(String prefix) {
			return buttons().stream().filter(b -> b.startsWith(prefix)).findFirst().orElseThrow(
					() -> new AssertionError("no button starting with " + prefix + " in " + buttons()));
		}

	}

	/** How every call fails during an {@link #outage}. */
	public enum Fault {

		/** 500 Internal Server Error, as Telegram answers when it is in trouble. */
		SERVER_ERROR,
		/** No answer at all: the request hangs until the client gives up (or the outage ends). */
		HANG,
		/** 200 with a body that is not the Bot API's JSON (a cut-off answer, a captive portal). */
		GARBAGE,
		/** 502 with a proxy's HTML error page instead of the Bot API's JSON. */
		PROXY_ERROR

	}

	/** Calls held by {@link #hold}: they hang until {@link #release}d, and are never carried out. */
	public final class Hold {

		private final BiPredicate<String, JsonNode> matches;

		private final AtomicInteger waiting = new AtomicInteger();

		private volatile boolean released;

		private Hold(BiPredicate<String, JsonNode> matches) {
			this.matches = matches;
		}

		/** How many calls arrived and are hanging now. */
		public int waiting() {
			return waiting.get();
		}

		/** Lets held calls fail (with 500) and new ones through. */
		public void release() {
			released = true;
			holds.remove(this);
			signal();
		}

	}

	private record Failure(int status, int retryAfter, String chat) {
	}

	private record Upload(byte[] bytes, long declaredSize) {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String GARBAGE = "<html><body><h1>502 Bad Gateway</h1></body></html>";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final List<ObjectNode> pending = new ArrayList<>();

	private final List<Call> calls = new ArrayList<>();

	/** The id each delivered sendMessage got, keyed by the recorded call itself. */
	private final Map<Call, Integer> sentIds = new java.util.IdentityHashMap<>();

	private final Map<String, List<Failure>> failures = new HashMap<>();

	private final List<Hold> holds = new CopyOnWriteArrayList<>();

	private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();

	private final ArrayDeque<String> rawUpdateAnswers = new ArrayDeque<>();

	private final Map<String, Upload> files = new ConcurrentHashMap<>();

	/** The message id each message-sending call got, by the identity of its recorded parameters. */
	private final Map<JsonNode, Long> messageIdsByCall = new java.util.IdentityHashMap<>();

	private volatile Fault outage;

	private volatile boolean outageCoversUpdates;

	private volatile boolean closed;

	/** Telegram's limits on messages, when enforced (null: not enforced). */
	private volatile Limits limits;

	private static final long SLACK = 20_000_000L;

	private final Map<String, ArrayDeque<Long>> sendsTo = new HashMap<>();

	private final ArrayDeque<Long> recentSends = new ArrayDeque<>();

	private final AtomicInteger limitViolations = new AtomicInteger();

	// update and message ids far from any test user's id, so that a privacy scan never mistakes one for another
	private final AtomicInteger updateIds = new AtomicInteger(10_000_000);

	private final AtomicInteger messageIds = new AtomicInteger(50_000_000);

	private final AtomicInteger callbackIds = new AtomicInteger(1);

	private final AtomicLong acknowledged = new AtomicLong();

	private final AtomicLong queued = new AtomicLong();

	private final AtomicInteger hanging = new AtomicInteger();

	private final AtomicLong offset = new AtomicLong();

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
			queued.incrementAndGet();
			changed.signalAll();
			return update.get("update_id").asInt();
		}
		finally {
			lock.unlock();
		}
	}

	/** A fresh update id, for updates sent to a webhook rather than through getUpdates. */
	public int nextUpdateId() {
		return updateIds.incrementAndGet();
	}

	/**
	 * How many updates the bot has confirmed by asking getUpdates for a later offset (Telegram forgets an
	 * update then): for long polling, the updates it finished handling.
	 */
	public long acknowledged() {
		return acknowledged.get();
	}

	/** How many updates were queued for getUpdates so far: all handled when {@link #acknowledged()} reaches it. */
	public long queued() {
		return queued.get();
	}

	/** The next {@code times} getUpdates calls answer 200 with exactly this body. */
	public void answerUpdatesWith(String body, int times) {
		lock.lock();
		try {
			for (int i = 0; i < times; i++) {
				rawUpdateAnswers.add(body);
			}
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

	/** A place picked in Telegram's place picker: a venue, with its title and address and its location. */
	public ObjectNode venue(long user, String language, double latitude, double longitude, String title,
			String address) {
		ObjectNode message = message(user, language);
		ObjectNode venue = message.putObject("venue");
		venue.putObject("location").put("latitude", latitude).put("longitude", longitude);
		venue.put("title", title).put("address", address);
		// Telegram's apps send the venue's location as the message's location too
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

	/** A shared contact card: the person's own phone number, which the bot must never keep or log. */
	public ObjectNode contact(long user, String language, String phone) {
		ObjectNode message = message(user, language);
		message.putObject("contact").put("phone_number", phone).put("first_name", "Resident" + user).put("user_id", user);
		return update("message", message);
	}

	/**
	 * A photo message whose file the fake serves with these bytes; {@code declaredSize} is the size Telegram
	 * claims in the message and in getFile (a liar's size, or the real one).
	 */
	public ObjectNode photo(long user, String language, byte[] bytes, long declaredSize) {
		String fileId = upload(bytes, declaredSize);
		ObjectNode message = message(user, language);
		message.putArray("photo").addObject().put("file_id", fileId).put("file_unique_id", "u" + fileId)
			.put("width", 1280).put("height", 960).put("file_size", declaredSize);
		return update("message", message);
	}

	/** A file sent as a document (uncompressed), with the MIME type the sender's app claims. */
	public ObjectNode document(long user, String language, String mimeType, byte[] bytes) {
		String fileId = upload(bytes, bytes.length);
		ObjectNode message = message(user, language);
		message.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId)
			.put("file_name", "scene.jpg").put("mime_type", mimeType).put("file_size", bytes.length);
		return update("message", message);
	}

	private String upload(byte[] bytes, long declaredSize) {
		String fileId = "file" + messageIds.incrementAndGet();
		files.put(fileId, new Upload(bytes.clone(), declaredSize));
		return fileId;
	}

	public ObjectNode press(long user, String language, String data) {
		ObjectNode query = JSON.createObjectNode();
		query.put("id", "cb" + callbackIds.incrementAndGet());
		query.set("from", user(user, language));
		query.put("chat_instance", "ci" + user);
		query.put("data", data);
		ObjectNode message = query.putObject("message");
		message.put("message_id", messageWithButton(user, data));
		message.put("date", Instant.now().getEpochSecond());
		message.set("chat", chat(user));
		message.put("text", "…");
		return update("callback_query", query);
	}

	/**
	 * The message a press comes from, as Telegram says in the callback: the latest delivered message of the
	 * chat that shows a button with this data (edits included), else the latest message id given out (a test
	 * pressing ahead of the bot's answer, or a forged press).
	 */
	private int messageWithButton(long user, String data) {
		List<Call> all = calls();
		for (int i = all.size() - 1; i >= 0; i--) {
			Call c = all.get(i);
			boolean reply = c.method().equals("sendmessage") || c.method().equals("editmessagetext");
			if (reply && c.delivered() && c.chat().equals(Long.toString(user)) && c.buttons().contains(data)) {
				int id = c.method().equals("sendmessage") ? (int) messageId(c) : c.params().path("message_id").asInt();
				if (id != 0) {
					return id;
				}
			}
		}
		return messageIds.get();
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

	/** The name and username of a test user: what a privacy scan must never find in logs or Redis. */
	public static String name(long id) {
		return "Resident" + id;
	}

	public static String username(long id) {
		return "resident_" + id + "_handle";
	}

	private static ObjectNode user(long id, String language) {
		ObjectNode user = JSON.createObjectNode();
		user.put("id", id).put("is_bot", false).put("first_name", name(id)).put("username", username(id))
			.put("language_code", language);
		return user;
	}

	private static ObjectNode chat(long id) {
		ObjectNode chat = JSON.createObjectNode();
		chat.put("id", id).put("type", "private").put("first_name", name(id)).put("username", username(id));
		return chat;
	}

	// ---- faults --------------------------------------------------------------------------------

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
			var list = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayList<>());
			for (int i = 0; i < times; i++) {
				list.add(new Failure(status, retryAfterSeconds, chat));
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * From now on every call fails this way, until {@link #endOutage()}; getUpdates too when
	 * {@code includingUpdates}.
	 */
	public void outage(Fault fault, boolean includingUpdates) {
		outageCoversUpdates = includingUpdates;
		outage = fault;
	}

	/** How many calls hang now (in a {@link Fault#HANG} outage or a {@link #hold}). */
	public int hanging() {
		return hanging.get();
	}

	/** Telegram answers again; calls hanging in the outage fail with 500. */
	public void endOutage() {
		outage = null;
		signal();
	}

	/**
	 * Holds every call that matches (method in lower case, parameters): it hangs, is never carried out, and
	 * fails with 500 when released (by then the client has usually given up, or died).
	 */
	public Hold hold(BiPredicate<String, JsonNode> matches) {
		var hold = new Hold(matches);
		holds.add(hold);
		return hold;
	}

	/** Holds sendMessage calls to this chat (a numeric id or a channel's @name). */
	public Hold holdSendsTo(String chat) {
		return hold((method, params) -> method.equals("sendmessage") && params.path("chat_id").asText().equals(chat));
	}

	/**
	 * Telegram's limits on messages (sendMessage, editMessageText and every other send or edit call; answers to
	 * button presses are not messages), each a sliding window: at most {@code perSecond} messages in any second
	 * for the whole bot, {@code perChat} to one private chat within {@code chatWindow}, and {@code perChannel} to
	 * one group or channel within {@code channelWindow}.
	 */
	public record Limits(int perSecond, int perChat, Duration chatWindow, int perChannel, Duration channelWindow) {

		/** One message a second to a private chat with no burst, one per 3 s to a channel, 30 a second in all. */
		public static final Limits STRICT = new Limits(30, 1, Duration.ofSeconds(1), 1, Duration.ofSeconds(3));

		/**
		 * What Telegram lets through in practice: short bursts to one chat (3 in any second), 20 a minute to a
		 * group or channel, 30 a second in all.
		 */
		public static final Limits TELEGRAM = new Limits(30, 3, Duration.ofSeconds(1), 20, Duration.ofMinutes(1));

		public Limits {
			if (perSecond < 1 || perChat < 1 || perChannel < 1) {
				throw new IllegalArgumentException("limits must be positive");
			}
		}

	}

	/** {@link #enforceLimits(Limits)} with {@link Limits#STRICT}. */
	public void enforceLimits() {
		enforceLimits(Limits.STRICT);
	}

	/**
	 * Makes the server answer 429, with the {@code retry_after} after which the message would have been
	 * accepted, as Telegram does when a bot sends faster than these limits.
	 */
	public void enforceLimits(Limits limits) {
		this.limits = limits;
	}

	/** How many 429s the limits produced. */
	public int limitViolations() {
		return limitViolations.get();
	}

	/** The seconds to wait before this message would be accepted, or 0 when it is within the limits. */
	private int overLimit(String method, JsonNode params) {
		Limits enforced = limits;
		if (enforced == null || !(method.startsWith("send") || method.startsWith("edit"))) {
			return 0;
		}
		long now = System.nanoTime();
		String chat = params.path("chat_id").asText();
		boolean channel = chat.startsWith("@") || chat.startsWith("-");
		long window = (channel ? enforced.channelWindow() : enforced.chatWindow()).toNanos();
		int allowed = channel ? enforced.perChannel() : enforced.perChat();
		lock.lock();
		try {
			// a little slack for the network: Telegram itself is not exact to the millisecond
			ArrayDeque<Long> toChat = sendsTo.computeIfAbsent(chat, c -> new ArrayDeque<>());
			forget(recentSends, now, 1_000_000_000L - SLACK);
			forget(toChat, now, window - SLACK);
			long waitNanos = 0;
			if (recentSends.size() >= enforced.perSecond()) {
				waitNanos = recentSends.peekFirst() + 1_000_000_000L - SLACK - now;
			}
			if (toChat.size() >= allowed) {
				waitNanos = Math.max(waitNanos, toChat.peekFirst() + window - SLACK - now);
			}
			if (waitNanos > 0 || recentSends.size() >= enforced.perSecond() || toChat.size() >= allowed) {
				limitViolations.incrementAndGet();
				return (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
			}
			recentSends.addLast(now);
			toChat.addLast(now);
			return 0;
		}
		finally {
			lock.unlock();
		}
	}

	private static void forget(ArrayDeque<Long> sends, long now, long window) {
		while (!sends.isEmpty() && now - sends.peekFirst() >= window) {
			sends.pollFirst();
		}
	}

	// ---- calls ---------------------------------------------------------------------------------

	/** Calls {@code listener} with every call once it is answered (on the server's threads). */
	public void listen(Consumer<Call> listener) {
		listeners.add(listener);
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

	/** Every attempt to send a message to this chat (numeric id or @channel), in order, whatever its answer. */
	public List<Call> sentTo(String chat) {
		return calls("sendMessage").stream().filter(c -> c.chat().equals(chat)).toList();
	}

	public List<Call> sentTo(long chat) {
		return sentTo(Long.toString(chat));
	}

	/** Every attempt to edit a message of this chat, in order, whatever its answer. */
	public List<Call> editsTo(long chat) {
		return calls("editMessageText").stream().filter(c -> c.chat().equals(Long.toString(chat))).toList();
	}

	/** Every message sent to this chat and every edit of one, in order: what the person saw arrive or change. */
	public List<Call> repliesTo(long chat) {
		return calls().stream()
			.filter(c -> c.method().equalsIgnoreCase("sendMessage") || c.method().equalsIgnoreCase("editMessageText"))
			.filter(c -> c.chat().equals(Long.toString(chat)))
			.toList();
	}

	/**
	 * The messages of this chat as the person sees them now, in the order they arrived: each delivered message,
	 * or its latest delivered edit (whose text and buttons replaced the message's).
	 */
	public List<Call> shownTo(long chat) {
		var shown = new java.util.LinkedHashMap<Integer, Call>();
		lock.lock();
		try {
			for (Call c : calls) {
				if (!c.delivered() || !c.chat().equals(Long.toString(chat))) {
					continue;
				}
				if (c.method().equalsIgnoreCase("sendMessage") && sentIds.containsKey(c)) {
					shown.put(sentIds.get(c), c);
				}
				else if (c.method().equalsIgnoreCase("editMessageText") && shown.containsKey(c.params().path("message_id").asInt())) {
					shown.put(c.params().path("message_id").asInt(), c);
				}
			}
		}
		finally {
			lock.unlock();
		}
		return List.copyOf(shown.values());
	}

	/** Every call of this method to this chat (numeric id or @channel), in order, whatever its answer. */
	public List<Call> calls(String method, String chat) {
		return calls(method).stream().filter(c -> c.chat().equals(chat)).toList();
	}

	/** Every edit of this message of this chat that Telegram would have carried out, in order. */
	public List<Call> edits(String chat, long messageId) {
		return calls("editMessageText", chat).stream()
			.filter(c -> c.delivered() && c.params().path("message_id").asLong() == messageId)
			.toList();
	}

	/** The id Telegram gave a message it took (its answer's message_id), for the calls that send one. */
	public long messageId(Call call) {
		lock.lock();
		try {
			Long id = messageIdsByCall.get(call.params());
			return id == null ? 0 : id;
		}
		finally {
			lock.unlock();
		}
	}

	/** The messages to this chat that Telegram would have shown, in order. */
	public List<Call> deliveredTo(String chat) {
		return sentTo(chat).stream().filter(Call::delivered).toList();
	}

	public List<Call> deliveredTo(long chat) {
		return deliveredTo(Long.toString(chat));
	}

	public List<Call> matching(Predicate<Call> filter) {
		return calls().stream().filter(filter).toList();
	}

	// ---- HTTP ----------------------------------------------------------------------------------

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith("/file/bot" + TOKEN + "/")) {
				file(exchange, path.substring(("/file/bot" + TOKEN + "/").length()));
				return;
			}
			String prefix = "/bot" + TOKEN + "/";
			if (!path.startsWith(prefix)) {
				respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
				return;
			}
			// Bot API method names are case-insensitive; the client sends them in lower case
			String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
			Instant arrived = Instant.now();
			JsonNode params = params(exchange);
			if (method.equals("getupdates")) {
				updates(exchange, params);
				return;
			}
			Fault fault = outage;
			Hold hold = holds.stream().filter(h -> h.matches.test(method, params)).findFirst().orElse(null);
			if (hold != null || fault == Fault.HANG) {
				hang(hold);
				record(method, params, arrived, 0);
				respond(exchange, 500, error(500, "Internal Server Error"));
				return;
			}
			if (fault != null) {
				int status = switch (fault) {
					case GARBAGE -> 200;
					case PROXY_ERROR -> 502;
					default -> 500;
				};
				record(method, params, arrived, status);
				respond(exchange, status, switch (fault) {
					case GARBAGE -> GARBAGE.substring(0, 1 + Math.floorMod(params.hashCode(), GARBAGE.length() - 1));
					case PROXY_ERROR -> GARBAGE;
					default -> error(500, "Internal Server Error");
				});
				return;
			}
			int retryAfter = overLimit(method, params);
			Failure failure = retryAfter > 0 ? new Failure(429, retryAfter, null)
					: nextFailure(method, params.path("chat_id").asText(""));
			if (failure != null) {
				record(method, params, arrived, failure.status());
				String body = failure.status() == 429
						? "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
								+ failure.retryAfter() + "\",\"parameters\":{\"retry_after\":" + failure.retryAfter() + "}}"
						: error(failure.status(), "Internal Server Error");
				respond(exchange, failure.status(), body);
				return;
			}
			String answer = answer(method, params);
			record(method, params, arrived, 200,
					method.equals("sendmessage") ? JSON.readTree(answer).path("message_id").asInt() : 0);
			respond(exchange, 200, "{\"ok\":true,\"result\":" + answer + "}");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String error(int status, String description) {
		return "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"" + description + "\"}";
	}

	/** Waits until the hold is released or the outage ends (or the server closes). */
	private void hang(Hold hold) throws InterruptedException {
		hanging.incrementAndGet();
		if (hold != null) {
			hold.waiting.incrementAndGet();
		}
		lock.lock();
		try {
			while (!closed && (hold != null ? !hold.released : outage == Fault.HANG)) {
				changed.await(1, TimeUnit.SECONDS);
			}
		}
		finally {
			lock.unlock();
			hanging.decrementAndGet();
			if (hold != null) {
				hold.waiting.decrementAndGet();
			}
		}
	}

	private void signal() {
		lock.lock();
		try {
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	private void file(HttpExchange exchange, String filePath) throws IOException {
		Upload upload = files.get(filePath.replaceFirst("^photos/", ""));
		if (upload == null) {
			respond(exchange, 404, error(404, "Not Found"));
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
		exchange.sendResponseHeaders(200, upload.bytes().length);
		exchange.getResponseBody().write(upload.bytes());
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
				else if (name.find(0) && start >= 0) {
					// an uploaded file (sendPhoto's photo): its bytes, to read what the person would see
					byte[] file = part.substring(start + 4).replaceAll("\r\n$", "").getBytes(StandardCharsets.ISO_8859_1);
					node.put(name.group(1) + "_file", java.util.Base64.getEncoder().encodeToString(file));
				}
			}
		}
		return node;
	}

	private void record(String method, JsonNode params, Instant arrived, int status) {
		record(method, params, arrived, status, 0);
	}

	/** Records a call, and the id of the message it delivered (0: none). */
	private void record(String method, JsonNode params, Instant arrived, int status, int messageId) {
		var call = new Call(method, params, arrived, status);
		lock.lock();
		try {
			calls.add(call);
			if (messageId != 0) {
				sentIds.put(call, messageId);
			}
		}
		finally {
			lock.unlock();
		}
		for (Consumer<Call> listener : listeners) {
			listener.accept(call);
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

	private String answer(String method, JsonNode params) {
		return switch (method) {
			case "getme" -> "{\"id\":42,\"is_bot\":true,\"first_name\":\"Vigía\",\"username\":\"vigia_test_bot\"}";
			case "sendmessage", "editmessagetext", "sendphoto", "sendvenue", "sendlocation" -> sentMessage(params);
			case "getfile" -> file(params.path("file_id").asText());
			default -> "true";
		};
	}

	private String file(String fileId) {
		Upload upload = files.get(fileId);
		ObjectNode file = JSON.createObjectNode();
		file.put("file_id", fileId).put("file_unique_id", "u" + fileId);
		if (upload != null) {
			file.put("file_size", upload.declaredSize()).put("file_path", "photos/" + fileId);
		}
		return file.toString();
	}

	private String sentMessage(JsonNode params) {
		String chat = params.path("chat_id").asText("0");
		boolean channel = chat.startsWith("@") || chat.startsWith("-");
		long chatId = chat.startsWith("@") ? -1001000000000L - Math.abs(chat.hashCode() % 1000) : parse(chat);
		int id = params.has("message_id") ? params.get("message_id").asInt() : messageIds.incrementAndGet();
		lock.lock();
		try {
			messageIdsByCall.put(params, (long) id);
		}
		finally {
			lock.unlock();
		}
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

	private void updates(HttpExchange exchange, JsonNode params) throws IOException, InterruptedException {
		long from = params.path("offset").asLong(0);
		acknowledge(from);
		Fault fault = outageCoversUpdates ? outage : null;
		if (fault == Fault.HANG) {
			hang(null);
			respond(exchange, 500, error(500, "Internal Server Error"));
			return;
		}
		if (fault != null) {
			respond(exchange, fault == Fault.GARBAGE ? 200 : fault == Fault.PROXY_ERROR ? 502 : 500,
					fault == Fault.SERVER_ERROR ? error(500, "Internal Server Error") : GARBAGE);
			return;
		}
		String raw;
		lock.lock();
		try {
			raw = rawUpdateAnswers.pollFirst();
		}
		finally {
			lock.unlock();
		}
		if (raw != null) {
			respond(exchange, 200, raw);
			return;
		}
		respond(exchange, 200, "{\"ok\":true,\"result\":" + pendingUpdates(from, params.path("timeout").asInt(0)) + "}");
	}

	/** Telegram forgets every update below the offset asked for: they count as handled. */
	private void acknowledge(long from) {
		lock.lock();
		try {
			long before = pending.size();
			pending.removeIf(u -> u.path("update_id").asLong() < from);
			acknowledged.addAndGet(before - pending.size());
			offset.accumulateAndGet(from, Math::max);
		}
		finally {
			lock.unlock();
		}
	}

	private String pendingUpdates(long from, int timeoutSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(timeoutSeconds, 50));
		lock.lock();
		try {
			while (pending.isEmpty() && !closed) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				changed.awaitNanos(left);
			}
			ArrayNode result = JSON.createArrayNode();
			pending.stream().filter(u -> u.path("update_id").asLong() >= from).limit(100).forEach(result::add);
			return result.toString();
		}
		finally {
			lock.unlock();
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException ex) {
			// the client gave up (a timeout, or it was killed): nothing to answer
		}
	}

	@Override
	public void close() {
		closed = true;
		signal();
		server.stop(0);
		executor.shutdownNow();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
