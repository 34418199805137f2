package org.vigia.bot.signal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Capabilities;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SendFailure;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.messaging.StyledText;
import org.vigia.core.messaging.Transport;

/**
 * The messaging port on Signal, through signal-cli ({@link SignalOutbox}: pacing, per-recipient order, rate
 * limits and captcha holds).
 *
 * <p>Rendering ({@link SignalRenderer}): styled text with style ranges; options as a numbered menu under the
 * text, with a line in the person's language saying how to answer, and remembered ({@link SignalMenus}) so that
 * {@link SignalInbound} reads a number, a word or a quote back as the option; a photo as a JPEG data URI (it was
 * re-encoded before it got here); a place as its name and a maps link. A sent message's reference is its
 * timestamp.
 *
 * <p>Edits: Signal lets the sender edit a message {@link Capabilities#SIGNAL}'s number of times within its edit
 * window, counted from the message's timestamp (the reference), not from the {@link SentRef#at()} callers pass.
 * Beyond that, the new text is a follow-up quoting the original. A prompt the person has answered is not edited
 * either (the change would land above their answer, out of sight): the next question comes as a new message,
 * unless it offers exactly the options the person just answered (an update worked out before their answer
 * counted): that one is edited in place, or left alone past the limits, so nobody is asked the same thing twice.
 * Thread-safe; nothing is logged with an address or a text.
 */
public final class SignalMessenger implements Messenger {

	private static final Logger log = LoggerFactory.getLogger(SignalMessenger.class);

	private final SignalOutbox outbox;

	private final SignalClient client;

	private final SignalMenus menus;

	private final BiFunction<Address, String, String> words;

	private final String account;

	private final Clock clock;

	/**
	 * @param words a bundle text by its key, as plain text in the language of the person it goes to: the
	 * lines under a numbered menu ({@code signal.menu.hint}) and under a question that asks for a place
	 * ({@code signal.place.hint}: Signal has no location button)
	 * @param account the bot's own account, the author of the bot's messages when a follow-up quotes one
	 */
	public SignalMessenger(SignalOutbox outbox, SignalClient client, SignalMenus menus,
			BiFunction<Address, String, String> words, String account, Clock clock) {
		this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.menus = Objects.requireNonNull(menus, "menus must not be null");
		this.words = Objects.requireNonNull(words, "words must not be null");
		this.account = Objects.requireNonNull(account, "account must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public Transport transport() {
		return Transport.SIGNAL;
	}

	@Override
	public Capabilities capabilities() {
		return Capabilities.SIGNAL;
	}

	@Override
	public CompletableFuture<SentRef> send(Address to, Outbound message, Urgency urgency) {
		SignalOutgoing outgoing = render(to, message);
		if (message.replyTo() != null) {
			Optional<Long> quoted = timestamp(message.replyTo());
			if (quoted.isPresent()) {
				outgoing = outgoing.quoting(new SignalOutgoing.Quote(quoted.get(), account));
			}
		}
		return queue(to, outgoing, message, urgency);
	}

	@Override
	public CompletableFuture<SentRef> edit(SentRef sent, Outbound message, Urgency urgency) {
		Address to = sent.to();
		Optional<Long> timestamp = timestamp(sent.id());
		if (timestamp.isEmpty()) {
			return send(to, message, urgency);
		}
		long original = timestamp.get();
		boolean answered;
		boolean askedAgain = false;
		int edits;
		try {
			answered = to.isPerson() && menus.wasAnswered(to, original);
			edits = menus.edits(to, original);
			// the same options as the answered message: an update worked out before the answer counted (a prompt's
			// refresh racing the person's "I'm going"); below the answer it would ask them the same question again
			askedAgain = answered && message.hasOptions()
					&& menus.menu(to, original).map(m -> m.rows().equals(message.rows())).orElse(false);
		}
		catch (RuntimeException ex) {
			// Redis is down: a new message is never wrong, an edit past Signal's limits would be lost
			answered = true;
			edits = Integer.MAX_VALUE;
		}
		var asSent = new SentRef(to, sent.id(), Instant.ofEpochMilli(original));
		SignalOutgoing outgoing = render(to, message);
		if (askedAgain) {
			// brought up to date where it stands, above the answer (it stays answered, and not the open menu); past
			// Signal's edit limits, left as it is: the person answered it
			if (!Capabilities.SIGNAL.canEdit(asSent, edits, clock.instant())) {
				return CompletableFuture.completedFuture(sent);
			}
			return settled(outbox.send(to, outgoing.editing(original), priority(urgency))).thenApply(ref -> {
				try {
					menus.edited(to, original);
				}
				catch (RuntimeException ex) {
					log.info("A Signal edit was not counted: {}", ex.getClass().getSimpleName());
				}
				return sent;
			});
		}
		if (answered) {
			// the answered menu's message is replaced by this one below the answer: without options, no menu is open
			return queue(to, outgoing, message, urgency).thenApply(ref -> {
				if (!message.hasOptions()) {
					try {
						menus.closeIf(to, original);
					}
					catch (RuntimeException ex) {
						log.info("A Signal menu was not closed: {}", ex.getClass().getSimpleName());
					}
				}
				return ref;
			});
		}
		if (!Capabilities.SIGNAL.canEdit(asSent, edits, clock.instant())) {
			return queue(to, outgoing.quoting(new SignalOutgoing.Quote(original, account)), message, urgency);
		}
		long opening = opening(to, message);
		return settled(outbox.send(to, outgoing.editing(original), priority(urgency))).thenApply(ref -> {
			remember(to, original, message, opening);
			try {
				menus.edited(to, original);
			}
			catch (RuntimeException ex) {
				log.info("A Signal edit was not counted: {}", ex.getClass().getSimpleName());
			}
			return sent;
		});
	}

	/**
	 * Signal has no presses to acknowledge: a typed answer is its own receipt. A notice (a stale option, a
	 * refusal) is sent as a short message, since the person would otherwise hear nothing.
	 */
	@Override
	public void acknowledge(Inbound press, String notice) {
		if (notice != null && !notice.isBlank() && press.from().transport() == Transport.SIGNAL) {
			send(press.from(), Outbound.of(StyledText.plain(notice)), Urgency.NORMAL);
		}
	}

	@Override
	public Optional<byte[]> download(Address from, String handle, int maxBytes) throws IOException {
		byte[] bytes;
		try {
			bytes = client.attachment(new SignalMessage.Attachment(handle, null, -1), from);
		}
		catch (IllegalArgumentException | SignalFailure ex) {
			throw new IOException("the attachment could not be fetched from signal-cli", ex);
		}
		return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
	}

	private SignalOutgoing render(Address to, Outbound message) {
		String hint = null;
		if (message.hasOptions() || message.askPlace() != null) {
			try {
				hint = message.askPlace() == null ? words.apply(to, "signal.menu.hint")
						: words.apply(to, "signal.place.hint")
								+ (message.hasOptions() ? "\n" + words.apply(to, "signal.menu.hint") : "");
			}
			catch (RuntimeException ex) {
				// the person's language could not be read (Redis): the menu without its hint
			}
		}
		return SignalRenderer.render(message, hint);
	}

	private CompletableFuture<SentRef> queue(Address to, SignalOutgoing outgoing, Outbound message, Urgency urgency) {
		long opening = opening(to, message);
		return settled(outbox.send(to, outgoing, priority(urgency))).thenApply(ref -> {
			timestamp(ref.id()).ifPresent(t -> remember(to, t, message, opening));
			return ref;
		});
	}

	/**
	 * A message with options to a person becomes the chat's open menu as it is queued (people only: nobody
	 * answers in a group); one that ends a conversation closes it.
	 *
	 * @return the number of the opening, for {@link #remember}; 0 for none
	 */
	private long opening(Address to, Outbound message) {
		if (!to.isPerson() || !message.hasOptions() && !message.closesAsking()) {
			return 0;
		}
		try {
			if (message.hasOptions()) {
				return menus.opening(to, message.rows());
			}
			menus.close(to);
		}
		catch (RuntimeException ex) {
			log.warn("A Signal menu was not opened or closed ({})", ex.getClass().getSimpleName());
		}
		return 0;
	}

	/** The sent message's options, so that a quote of it reads against them. */
	private void remember(Address to, long timestamp, Outbound message, long opening) {
		if (!to.isPerson() || !message.hasOptions()) {
			return;
		}
		try {
			menus.remember(to, timestamp, message.rows(), opening);
		}
		catch (RuntimeException ex) {
			log.warn("A Signal menu was not remembered ({}): quotes of it will not be understood",
					ex.getClass().getSimpleName());
		}
	}

	private static SignalOutbox.Priority priority(Urgency urgency) {
		return urgency == Urgency.URGENT ? SignalOutbox.Priority.URGENT : SignalOutbox.Priority.NORMAL;
	}

	private static Optional<Long> timestamp(String id) {
		try {
			long t = Long.parseLong(id);
			return t > 0 ? Optional.of(t) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Fails as the port says: {@link SendFailure} when signal-cli's answer could not be read (probably sent) or
	 * the message was refused for good; other failures (held too long) may be tried again later.
	 */
	private static CompletableFuture<SentRef> settled(CompletableFuture<SentRef> sent) {
		return sent.handle((ref, error) -> {
			if (error == null) {
				return ref;
			}
			Throwable cause = SendFailure.cause(error);
			if (cause instanceof SignalFailure f && f.kind() == SignalFailure.Kind.UNCERTAIN) {
				throw new SendFailure(SendFailure.Kind.UNCERTAIN, f);
			}
			if (cause instanceof SignalFailure f && !f.kind().later()) {
				throw new SendFailure(SendFailure.Kind.REFUSED, f);
			}
			throw cause instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(cause);
		});
	}

}
