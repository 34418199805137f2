package org.vigia.bot.messages;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.Text;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.messaging.StyledText;
import org.vigia.core.messaging.Transport;

/**
 * Sends the bot's texts, localised, through the messaging port: whatever messenger an address is on, the
 * desks say the same thing the same way. Thread-safe.
 */
public final class Replies {

	private final Messenger messenger;

	private final Texts texts;

	private final PromptRenderer renderer;

	private final String hotline;

	public Replies(Messenger messenger, Texts texts, String hotline) {
		this.messenger = messenger;
		this.texts = texts;
		this.renderer = new PromptRenderer(texts);
		this.hotline = hotline == null || hotline.isBlank() ? "-" : hotline.strip();
	}

	public String hotline() {
		return hotline;
	}

	public Texts texts() {
		return texts;
	}

	/** The port, for what is not a bundle text (a map pin, a photo, an edit). */
	public Messenger messenger() {
		return messenger;
	}

	public PromptRenderer renderer() {
		return renderer;
	}

	/** A bundle text to a person, in the words of their messenger ({@link Texts#render(Text, String, Transport)}). */
	public CompletableFuture<SentRef> say(Address to, String language, String key, Object... args) {
		return send(to, message(to, language, key, args), Messenger.Urgency.NORMAL);
	}

	/** A bundle text with options under it. */
	public CompletableFuture<SentRef> say(Address to, String language, List<List<MenuItem>> options, String key,
			Object... args) {
		return send(to, message(to, language, key, args).withRows(options), Messenger.Urgency.NORMAL);
	}

	/** A bundle text as a message to {@code to}, in the words of their messenger, to add options or a place to. */
	public Outbound message(Address to, String language, String key, Object... args) {
		return Outbound.of(StyledText.fromMarkup(texts.render(Text.of(key, args), language, to.transport())));
	}

	/** A bundle text as a message, to add options, a photo or a place to. */
	public Outbound message(String language, String key, Object... args) {
		return Outbound.of(StyledText.fromMarkup(texts.render(Text.of(key, args), language)));
	}

	/** An option whose label is a bundle text ({@code args} escaped like any), read as plain text. */
	public MenuItem option(String language, String labelKey, String value, Object... args) {
		return MenuItem.of(Texts.plain(texts.render(Text.of(labelKey, args), language)), value);
	}

	/** A question of the guided report, number {@code turn} ({@link Choice.ReportAnswer}). */
	public CompletableFuture<SentRef> prompt(Address to, Prompt prompt, String language, int turn,
			boolean closesAsking) {
		return send(to, renderer.render(prompt, language, turn, closesAsking, to.transport()), Messenger.Urgency.NORMAL);
	}

	/** Edits an earlier message into {@code prompt} (see {@link PromptRenderer#render}). */
	public CompletableFuture<SentRef> edit(SentRef shown, Prompt prompt, String language, int turn) {
		if (prompt.askLocation()) {
			throw new IllegalArgumentException("a prompt that asks for a place cannot be edited in");
		}
		return messenger.edit(shown, renderer.render(prompt, language, turn, false, shown.to().transport()),
				Messenger.Urgency.NORMAL);
	}

	/** Bundle HTML (already rendered by {@link Texts}) to someone, as text. */
	public CompletableFuture<SentRef> send(Address to, String html, Messenger.Urgency urgency) {
		return send(to, Outbound.of(StyledText.fromMarkup(html)), urgency);
	}

	public CompletableFuture<SentRef> send(Address to, Outbound message, Messenger.Urgency urgency) {
		return messenger.send(to, message, urgency);
	}

	/**
	 * Acknowledges a press (Telegram stops the button's spinner), with a short notice when {@code key} is given.
	 */
	public void answer(Inbound press, String language, String key) {
		messenger.acknowledge(press,
				key == null ? null : Texts.plain(texts.render(Text.of(key), language, press.from().transport())));
	}

}
