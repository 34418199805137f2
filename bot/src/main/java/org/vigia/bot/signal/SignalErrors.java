package org.vigia.bot.signal;

import java.time.Duration;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * What signal-cli's JSON-RPC errors mean (its {@code SignalJsonRpcCommandHandler}): -1 a user error (with
 * the per-recipient results of a send when it has them), -3 an I/O error, -4 an untrusted identity, -5 a rate
 * limit (a captcha challenge when a result carries a {@code token}), -6 a refused captcha, -326xx JSON-RPC's
 * own. A send's results have a {@code type}: {@code UNREGISTERED_FAILURE}, {@code NETWORK_FAILURE},
 * {@code RATE_LIMIT_FAILURE} (with {@code token} for "proof required", and {@code retryAfterSeconds}), …
 *
 * <p>Messages are read for the few failures that only they tell apart, then dropped: they may quote a phone
 * number.
 */
final class SignalErrors {

	private SignalErrors() {
	}

	static SignalFailure failure(JsonNode error) {
		int code = error.path("code").canConvertToInt() ? error.path("code").asInt() : 0;
		String message = error.path("message").isString() ? error.path("message").stringValue().toLowerCase(Locale.ROOT)
				: "";
		JsonNode results = error.path("data").path("response").path("results");
		String detail = "code " + code;
		switch (code) {
			case -5:
				return rateLimit(results, detail);
			case -6:
				return new SignalFailure(SignalFailure.Kind.CAPTCHA_REJECTED, detail);
			case -4:
				return new SignalFailure(SignalFailure.Kind.RECIPIENT_GONE, detail + ", untrusted identity");
			case -3:
			case -32603:
				return new SignalFailure(SignalFailure.Kind.UNAVAILABLE, detail);
			case -1:
				return userError(results, message, detail);
			default:
				return new SignalFailure(SignalFailure.Kind.BAD_REQUEST, detail);
		}
	}

	private static SignalFailure userError(JsonNode results, String message, String detail) {
		if (has(results, "RATE_LIMIT_FAILURE")) {
			return rateLimit(results, detail);
		}
		if (has(results, "NETWORK_FAILURE") || has(results, "INVALID_PRE_KEY_FAILURE")) {
			return new SignalFailure(SignalFailure.Kind.UNAVAILABLE, detail + ", network failure");
		}
		if (has(results, "UNREGISTERED_FAILURE") || has(results, "IDENTITY_FAILURE")) {
			return new SignalFailure(SignalFailure.Kind.RECIPIENT_GONE, detail + ", unregistered");
		}
		if (message.contains("already being received")) {
			return new SignalFailure(SignalFailure.Kind.ALREADY_RECEIVING, detail);
		}
		if (message.contains("not registered") || message.contains("not a member") || message.contains("not found")
				|| message.contains("not permitted") || message.contains("blocked")) {
			return new SignalFailure(SignalFailure.Kind.RECIPIENT_GONE, detail);
		}
		return new SignalFailure(SignalFailure.Kind.BAD_REQUEST, detail);
	}

	private static SignalFailure rateLimit(JsonNode results, String detail) {
		String token = challenge(results);
		long seconds = 0;
		for (JsonNode r : iterable(results)) {
			if (r.path("retryAfterSeconds").canConvertToLong()) {
				seconds = Math.max(seconds, r.path("retryAfterSeconds").asLong());
			}
		}
		Duration retryAfter = seconds > 0 ? Duration.ofSeconds(Math.min(seconds, 86_400)) : null;
		return token != null
				? new SignalFailure(SignalFailure.Kind.PROOF_REQUIRED, detail, retryAfter, token, null)
				: new SignalFailure(SignalFailure.Kind.RATE_LIMITED, detail, retryAfter, null, null);
	}

	/** The first captcha challenge token among a send's results, or null. */
	static String challenge(JsonNode results) {
		for (JsonNode r : iterable(results)) {
			JsonNode token = r.get("token");
			if (token != null && token.isString() && !token.stringValue().isBlank()
					&& token.stringValue().length() <= 200) {
				return token.stringValue();
			}
		}
		return null;
	}

	private static boolean has(JsonNode results, String type) {
		for (JsonNode r : iterable(results)) {
			if (type.equals(r.path("type").asString(""))) {
				return true;
			}
		}
		return false;
	}

	private static Iterable<JsonNode> iterable(JsonNode results) {
		return results != null && results.isArray() ? results : java.util.List.of();
	}

}
