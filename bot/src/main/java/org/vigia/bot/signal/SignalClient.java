package org.vigia.bot.signal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Transport;

/**
 * Vigía's own client of signal-cli's JSON-RPC daemon over HTTP ({@code POST /api/v1/rpc},
 * {@code GET /api/v1/check}), on the JDK's HTTP client. signal-cli is GPL and runs as its own program; this
 * speaks its documented protocol (signal-cli-jsonrpc(5)) and nothing else of it.
 *
 * <p>signal-cli runs in multi-account mode and every call names the bot's {@code account}. The receive side
 * ({@link #receive}) needs the daemon started with {@code --receive-mode=manual}, so that messages wait on
 * Signal's servers until the bot asks for them; the event stream ({@code /api/v1/events}) is not used: a
 * client connected to it makes signal-cli receive continuously and hand messages only to whoever is connected
 * at that moment, and makes {@code receive} fail.
 *
 * <p>Every failure is a {@link SignalFailure} of a kind the caller can act on (retry, wait, hold for a captcha,
 * give up). Identities are service ids; phone numbers that signal-cli includes in its answers are not read.
 * Nothing here logs. Thread-safe.
 */
public final class SignalClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Longest attachment fetched, before base64 (the photo sanitizer refuses large photos anyway). */
	public static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

	private final URI rpc;

	private final URI check;

	private final String account;

	private final Duration timeout;

	private final HttpClient http;

	private final SignalEnvelopes envelopes;

	private final AtomicLong ids = new AtomicLong();

	/**
	 * @param base where signal-cli's HTTP interface listens, e.g. {@code http://signal-cli:8080}
	 * @param account the bot's account as registered in signal-cli (its phone number)
	 * @param timeout the longest a call may take, {@link #receive} aside (it adds its own wait)
	 */
	public SignalClient(URI base, String account, Duration timeout) {
		Objects.requireNonNull(base, "base must not be null");
		String root = base.toString().replaceAll("/+$", "");
		this.rpc = URI.create(root + "/api/v1/rpc");
		this.check = URI.create(root + "/api/v1/check");
		this.account = Objects.requireNonNull(account, "account must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.envelopes = new SignalEnvelopes(account);
	}

	/**
	 * What {@code send} answered.
	 *
	 * @param timestamp the message's timestamp: how it is quoted and edited later
	 * @param challenge a captcha challenge met while sending to some members of a group (the message reached
	 * the others), or null
	 */
	public record Sent(long timestamp, String challenge) {
	}

	/** A group the bot's account is in. */
	public record Group(Address id, String name, boolean member, boolean announcementOnly) {
	}

	/** Sends a message to a person or a group. Fails with {@link SignalFailure}. */
	public CompletableFuture<Sent> send(Address to, SignalOutgoing message) {
		ObjectNode params = params();
		recipient(params, to);
		params.put("message", message.text());
		if (!message.textStyles().isEmpty()) {
			ArrayNode styles = params.putArray("textStyles");
			message.textStyles().forEach(styles::add);
		}
		if (!message.attachments().isEmpty()) {
			ArrayNode attachments = params.putArray("attachments");
			message.attachments().forEach(attachments::add);
		}
		if (message.quote() != null) {
			params.put("quoteTimestamp", message.quote().timestamp());
			params.put("quoteAuthor", message.quote().author());
		}
		if (message.editTimestamp() != null) {
			params.put("editTimestamp", message.editTimestamp());
		}
		return callAsync("send", params, timeout, true).thenApply(SignalClient::sent);
	}

	/** Reacts to a message with an emoji (e.g. to acknowledge an observer's answer). */
	public CompletableFuture<Sent> sendReaction(Address to, String targetAuthor, long targetTimestamp, String emoji) {
		ObjectNode params = params();
		recipient(params, to);
		params.put("emoji", emoji);
		params.put("targetAuthor", targetAuthor);
		params.put("targetTimestamp", targetTimestamp);
		return callAsync("sendReaction", params, timeout, true).thenApply(SignalClient::sent);
	}

	/**
	 * The bytes of a file a person sent, kept by signal-cli since the message was received.
	 *
	 * @param from who sent it: the person, or the group it was sent in
	 */
	public byte[] attachment(SignalMessage.Attachment attachment, Address from) {
		ObjectNode params = params();
		params.put("id", attachment.id());
		if (from.isPerson()) {
			params.put("recipient", from.id());
		}
		else {
			params.put("groupId", from.id());
		}
		JsonNode result = call("getAttachment", params, timeout);
		JsonNode data = result.get("data");
		if (data == null || !data.isString() || data.stringValue().length() > MAX_ATTACHMENT_BYTES / 3 * 4 + 4) {
			throw new SignalFailure(SignalFailure.Kind.BAD_REQUEST, "attachment missing or too large");
		}
		try {
			return Base64.getDecoder().decode(data.stringValue());
		}
		catch (IllegalArgumentException ex) {
			throw new SignalFailure(SignalFailure.Kind.BAD_REQUEST, "attachment not base64");
		}
	}

	/**
	 * Pulls the messages waiting for the bot. signal-cli answers when {@code wait} has passed without a new
	 * message, or after {@code maxMessages}; by then it has acknowledged them to Signal's servers, so the caller
	 * must keep them before anything else ({@link SignalReceiver}). The HTTP call is given enough time for the
	 * longest answer signal-cli can take, so that it is never cut off while messages are on their way.
	 */
	SignalEnvelopes.Batch receive(Duration wait, int maxMessages) {
		ObjectNode params = params();
		params.put("timeout", wait.toMillis() / 1000.0);
		params.put("maxMessages", maxMessages);
		Duration longest = wait.multipliedBy(maxMessages + 1L).plus(timeout);
		return envelopes.read(call("receive", params, longest));
	}

	/** Submits a solved captcha for a {@link SignalFailure.Kind#PROOF_REQUIRED} challenge. */
	public void submitChallenge(String challenge, String captcha) {
		ObjectNode params = params();
		params.put("challenge", challenge);
		params.put("captcha", captcha);
		call("submitRateLimitChallenge", params, timeout);
	}

	/** The groups the account knows, without their members (whose numbers are not read). */
	public List<Group> groups() {
		JsonNode result = call("listGroups", params(), timeout);
		var groups = new ArrayList<Group>();
		if (result.isArray()) {
			for (JsonNode g : result) {
				try {
					groups.add(new Group(Address.signalGroup(text(g.get("id"))), text(g.get("name")),
							g.path("isMember").asBoolean(false),
							"ONLY_ADMINS".equals(text(g.get("permissionSendMessage")))));
				}
				catch (IllegalArgumentException ex) {
					// a group id signal-cli should not have printed: left out
				}
			}
		}
		return groups;
	}

	/** Whether the daemon answers its health check ({@code GET /api/v1/check}). */
	public boolean reachable() {
		var request = HttpRequest.newBuilder(check).timeout(timeout).GET().build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private JsonNode call(String method, ObjectNode params, Duration limit) {
		try {
			return callAsync(method, params, limit, false).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof SignalFailure failure) {
				throw failure;
			}
			throw new SignalFailure(SignalFailure.Kind.UNAVAILABLE, ex.getCause().getClass().getSimpleName(), null, null,
					ex.getCause());
		}
	}

	/**
	 * @param sends whether the call sends something: an answer that cannot be read is then
	 * {@link SignalFailure.Kind#UNCERTAIN} (it was probably carried out), else {@code UNAVAILABLE}
	 */
	private CompletableFuture<JsonNode> callAsync(String method, ObjectNode params, Duration limit, boolean sends) {
		long id = ids.incrementAndGet();
		ObjectNode body = JSON.createObjectNode();
		body.put("jsonrpc", "2.0");
		body.put("method", method);
		body.set("params", params);
		body.put("id", id);
		var request = HttpRequest.newBuilder(rpc)
			.timeout(limit)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.handle((response, error) -> {
				if (error != null) {
					Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
							: error;
					String what = cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
					throw new SignalFailure(SignalFailure.Kind.UNAVAILABLE, what, null, null, cause);
				}
				return answer(response, id, sends);
			});
	}

	private static JsonNode answer(HttpResponse<String> response, long id, boolean sends) {
		int status = response.statusCode();
		if (status >= 500) {
			throw new SignalFailure(SignalFailure.Kind.UNAVAILABLE, "HTTP " + status);
		}
		if (status != 200) {
			throw new SignalFailure(SignalFailure.Kind.BAD_REQUEST, "HTTP " + status);
		}
		SignalFailure.Kind unreadable = sends ? SignalFailure.Kind.UNCERTAIN : SignalFailure.Kind.UNAVAILABLE;
		JsonNode answer;
		try {
			answer = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new SignalFailure(unreadable, "answer is not JSON");
		}
		if (answer == null || !answer.isObject() || !answer.path("id").canConvertToLong()
				|| answer.path("id").asLong() != id) {
			throw new SignalFailure(unreadable, "answer is not JSON-RPC");
		}
		if (answer.hasNonNull("error")) {
			throw SignalErrors.failure(answer.get("error"));
		}
		if (!answer.has("result")) {
			throw new SignalFailure(unreadable, "answer has no result");
		}
		return answer.get("result");
	}

	private static Sent sent(JsonNode result) {
		JsonNode timestamp = result.get("timestamp");
		if (timestamp == null || !timestamp.isIntegralNumber() || timestamp.longValue() <= 0) {
			throw new SignalFailure(SignalFailure.Kind.UNCERTAIN, "no timestamp in the answer");
		}
		return new Sent(timestamp.longValue(), SignalErrors.challenge(result.get("results")));
	}

	private ObjectNode params() {
		ObjectNode params = JSON.createObjectNode();
		params.put("account", account);
		return params;
	}

	private static void recipient(ObjectNode params, Address to) {
		if (to.transport() != Transport.SIGNAL) {
			throw new IllegalArgumentException("not a Signal address: " + to);
		}
		if (to.isPerson()) {
			params.putArray("recipient").add(to.id());
		}
		else {
			params.put("groupId", to.id());
		}
	}

	private static String text(JsonNode node) {
		return node != null && node.isString() ? node.stringValue() : "";
	}

	@Override
	public String toString() {
		return "SignalClient[" + rpc.getHost() + ", account redacted]";
	}

}
