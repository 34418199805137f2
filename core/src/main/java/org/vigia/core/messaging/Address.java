package org.vigia.core.messaging;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a message comes from or goes to: a transport and that transport's id of a person or a group.
 *
 * <p>Ids by transport: Telegram, a chat id ({@code 123456789}, {@code -1001234567890}) or a channel's
 * {@code @name}; Signal, a person's service id (their ACI, a UUID, never their phone number) or a group id
 * (the base64 of 32 bytes that signal-cli prints); simulated, any short token. Every id is checked here, so
 * an address that exists is well-formed.
 *
 * <p>An address identifies a person: {@link #toString()} never prints the id, so that an address can reach
 * a log line by accident without leaking who it is.
 *
 * @param transport the messenger
 * @param kind a person (private chat) or a group (channel, announcement group)
 * @param id the transport's id, as described above
 */
public record Address(Transport transport, Kind kind, String id) {

	/** Whom an address reaches. */
	public enum Kind {

		/** One person, in a private chat. */
		PERSON,
		/** Many people: a Telegram channel or group, a Signal group. */
		GROUP

	}

	private static final Pattern TELEGRAM_CHAT = Pattern.compile("-?[1-9][0-9]{0,19}");

	private static final Pattern TELEGRAM_CHANNEL = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,31}");

	private static final Pattern SIGNAL_SERVICE_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern SIMULATED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	public Address {
		Objects.requireNonNull(transport, "transport must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(id, "id must not be null");
		switch (transport) {
			case TELEGRAM -> checkTelegram(kind, id);
			case SIGNAL -> checkSignal(kind, id);
			case SIMULATED -> require(SIMULATED.matcher(id).matches(), transport, kind);
		}
	}

	/** A Telegram private chat, by its chat id (the person's user id). */
	public static Address telegramChat(long chatId) {
		return new Address(Transport.TELEGRAM, Kind.PERSON, Long.toString(chatId));
	}

	/** A Telegram channel or group, by {@code @name} or its (negative) chat id. */
	public static Address telegramChannel(String nameOrId) {
		return new Address(Transport.TELEGRAM, Kind.GROUP, nameOrId);
	}

	/**
	 * A person on Signal, by their service id (ACI). Upper-case UUIDs are accepted and stored in lower case,
	 * as signal-cli prints them; a {@code PNI:} id or a phone number is refused.
	 */
	public static Address signalPerson(String serviceId) {
		Objects.requireNonNull(serviceId, "service id must not be null");
		return new Address(Transport.SIGNAL, Kind.PERSON, serviceId.toLowerCase(Locale.ROOT));
	}

	/** A Signal group, by the base64 group id signal-cli uses. */
	public static Address signalGroup(String groupId) {
		return new Address(Transport.SIGNAL, Kind.GROUP, groupId);
	}

	/**
	 * A stable text that names this address in storage keys and keyed hashes (never shown, never logged): a
	 * Telegram id alone, exactly as keys were written before there were other transports, so that state stored
	 * then still reads; {@code "signal:" + id} or {@code "simulated:" + id} otherwise, which no Telegram id can
	 * equal.
	 */
	public String key() {
		return transport == Transport.TELEGRAM ? id : transport.name().toLowerCase(Locale.ROOT) + ":" + id;
	}

	/** The person's address a {@link #key()} names: the inverse of {@link #key()} for people. */
	public static Address ofKey(String key) {
		Objects.requireNonNull(key, "key must not be null");
		if (key.startsWith("signal:")) {
			return signalPerson(key.substring("signal:".length()));
		}
		if (key.startsWith("simulated:")) {
			return new Address(Transport.SIMULATED, Kind.PERSON, key.substring("simulated:".length()));
		}
		return new Address(Transport.TELEGRAM, Kind.PERSON, key);
	}

	public boolean isPerson() {
		return kind == Kind.PERSON;
	}

	/** No id: an address names a person. */
	@Override
	public String toString() {
		return "Address[" + transport + " " + kind + ", id redacted]";
	}

	private static void checkTelegram(Kind kind, String id) {
		boolean chat = TELEGRAM_CHAT.matcher(id).matches() && fitsInLong(id);
		boolean ok = kind == Kind.PERSON ? chat && !id.startsWith("-")
				: chat && id.startsWith("-") || TELEGRAM_CHANNEL.matcher(id).matches();
		require(ok, Transport.TELEGRAM, kind);
	}

	private static void checkSignal(Kind kind, String id) {
		if (kind == Kind.PERSON) {
			// a UUID that UUID.fromString also reads back to the same text: no short forms, no braces
			require(SIGNAL_SERVICE_ID.matcher(id).matches() && UUID.fromString(id).toString().equals(id),
					Transport.SIGNAL, kind);
		}
		else {
			require(id.length() == 44 && decodesTo32Bytes(id), Transport.SIGNAL, kind);
		}
	}

	private static boolean fitsInLong(String digits) {
		try {
			Long.parseLong(digits);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean decodesTo32Bytes(String base64) {
		try {
			return Base64.getDecoder().decode(base64).length == 32;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The message names what was wrong, never the id itself (it may be a person's). */
	private static void require(boolean ok, Transport transport, Kind kind) {
		if (!ok) {
			throw new IllegalArgumentException("not a valid " + transport + " " + kind + " id");
		}
	}

}
