package org.vigia.bot.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendVenue;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Capabilities;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SendFailure;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.messaging.StyledText;
import org.vigia.core.messaging.Transport;

/**
 * The messaging port on Telegram's Bot API, through the {@link Outbox} (pacing, retries, per-chat order).
 *
 * <p>Rendering: styled text as HTML (parse mode HTML, link previews off); options as inline buttons whose
 * callback data is the option's value (at most 64 bytes, refused here otherwise); a message that asks for a
 * place as a reply keyboard, a "share my location" button over the options' labels (Telegram's location
 * button exists only there); a photo as sendPhoto with the text as caption; a place without text as a venue
 * (title and address cut to 120 characters); a sent message's reference is its message id. Thread-safe.
 */
public final class TelegramMessenger implements Messenger {

	static final int MAX_CALLBACK_BYTES = 64;

	private final Outbox outbox;

	private final TelegramFiles files;

	private final Clock clock;

	public TelegramMessenger(Outbox outbox, TelegramFiles files, Clock clock) {
		this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
		this.files = files;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public Transport transport() {
		return Transport.TELEGRAM;
	}

	@Override
	public Capabilities capabilities() {
		return Capabilities.TELEGRAM;
	}

	@Override
	public CompletableFuture<SentRef> send(Address to, Outbound message, Urgency urgency) {
		String chat = chat(to);
		CompletableFuture<Message> sent;
		if (message.image() != null) {
			byte[] jpeg = message.image().jpeg();
			sent = outbox.photo(chat, () -> {
				var photo = SendPhoto.builder().chatId(chat).photo(new InputFile(new ByteArrayInputStream(jpeg), "photo.jpg"));
				if (!message.text().isEmpty()) {
					photo.caption(html(message.text())).parseMode(ParseMode.HTML);
				}
				if (markup(message) != null) {
					photo.replyMarkup(markup(message));
				}
				return photo.build();
			}, priority(urgency));
		}
		else if (message.text().isEmpty()) {
			Outbound.Place place = message.place();
			var venue = SendVenue.builder()
				.chatId(chat)
				.latitude(place.point().latitude())
				.longitude(place.point().longitude())
				.title(cut(place.title() == null ? "" : place.title(), 120))
				.address(cut(place.address() == null ? "" : place.address(), 120));
			if (message.replyTo() != null) {
				venue.replyParameters(reply(message.replyTo()));
			}
			sent = outbox.call(chat, venue.build(), priority(urgency));
		}
		else {
			var send = SendMessage.builder().chatId(chat).text(html(message.text())).parseMode(ParseMode.HTML)
				.disableWebPagePreview(true);
			ReplyKeyboard markup = markup(message);
			if (markup != null) {
				send.replyMarkup(markup);
			}
			if (message.replyTo() != null) {
				send.replyParameters(reply(message.replyTo()));
			}
			sent = outbox.call(chat, send.build(), priority(urgency));
		}
		return translated(sent).thenApply(m -> new SentRef(to, Integer.toString(m.getMessageId()), clock.instant()));
	}

	/** Fails as the port says: {@link SendFailure} for an unreadable answer or a call refused for good. */
	private static <T> CompletableFuture<T> translated(CompletableFuture<T> sent) {
		return sent.handle((value, error) -> {
			if (error == null) {
				return value;
			}
			Throwable cause = Outbox.cause(error);
			if (cause instanceof Outbox.UncertainDelivery) {
				throw new SendFailure(SendFailure.Kind.UNCERTAIN, cause);
			}
			if (Outbox.refusedForGood(cause)) {
				throw new SendFailure(SendFailure.Kind.REFUSED, cause);
			}
			throw cause instanceof CompletionException c ? c : new CompletionException(cause);
		});
	}

	/** Edits the text and inline buttons; a message that asks for a place cannot be edited in. */
	@Override
	public CompletableFuture<SentRef> edit(SentRef sent, Outbound message, Urgency urgency) {
		if (message.askPlace() != null) {
			throw new IllegalArgumentException("a message with a reply keyboard cannot be edited in");
		}
		var edit = EditMessageText.builder()
			.chatId(chat(sent.to()))
			.messageId(Integer.parseInt(sent.id()))
			.text(html(message.text()))
			.parseMode(ParseMode.HTML)
			.disableWebPagePreview(true);
		if (markup(message) instanceof InlineKeyboardMarkup inline) {
			edit.replyMarkup(inline);
		}
		return translated(outbox.call(chat(sent.to()), edit.build(), priority(urgency))).thenApply(done -> sent);
	}

	/**
	 * Answers the button press (stops the spinner), with the notice as a toast, ahead of the chat's waiting
	 * messages. An answer is not a message: the outbox does not pace it and it takes none of the bot's 28
	 * messages a second, so answers, even a flood of stale or forged presses from many accounts, never hold back
	 * channel alerts and observer prompts (BENCHMARKS.md, "Report storm").
	 */
	@Override
	public void acknowledge(Inbound press, String notice) {
		if (press.receipt() == null) {
			return;
		}
		var answer = AnswerCallbackQuery.builder().callbackQueryId(press.receipt());
		if (notice != null) {
			answer.text(notice);
		}
		outbox.call(chat(press.from()), answer.build(), Outbox.Priority.URGENT);
	}

	@Override
	public Optional<byte[]> download(Address from, String handle, int maxBytes) throws IOException {
		if (files == null) {
			throw new IOException("files are not fetched without a Telegram connection");
		}
		return files.fetch(handle, maxBytes) instanceof TelegramFiles.Download.Fetched fetched
				? Optional.of(fetched.bytes()) : Optional.empty();
	}

	/** Telegram HTML: bold, italic, code and links; every text escaped (&amp;, &lt;, &gt; and quotes). */
	public static String html(StyledText text) {
		var out = new StringBuilder();
		for (StyledText.Span span : text.spans()) {
			String piece = escape(span.text());
			if (span.code()) {
				piece = "<code>" + piece + "</code>";
			}
			if (span.italic()) {
				piece = "<i>" + piece + "</i>";
			}
			if (span.bold()) {
				piece = "<b>" + piece + "</b>";
			}
			if (span.link() != null) {
				piece = "<a href=\"" + escape(span.link()) + "\">" + piece + "</a>";
			}
			out.append(piece);
		}
		return out.toString();
	}

	private static ReplyKeyboard markup(Outbound message) {
		if (message.askPlace() != null) {
			var rows = new ArrayList<KeyboardRow>();
			rows.add(new KeyboardRow(List.of(KeyboardButton.builder().text(message.askPlace()).requestLocation(true).build())));
			for (List<MenuItem> row : message.rows()) {
				rows.add(new KeyboardRow(row.stream().map(o -> new KeyboardButton(o.label())).toList()));
			}
			return ReplyKeyboardMarkup.builder().keyboard(rows).resizeKeyboard(true).oneTimeKeyboard(true).build();
		}
		if (message.hasOptions()) {
			var rows = new ArrayList<InlineKeyboardRow>();
			for (List<MenuItem> row : message.rows()) {
				rows.add(new InlineKeyboardRow(row.stream()
					.map(o -> InlineKeyboardButton.builder().text(o.label()).callbackData(callbackData(o.value())).build())
					.toList()));
			}
			return InlineKeyboardMarkup.builder().keyboard(rows).build();
		}
		return message.closesAsking() ? ReplyKeyboardRemove.builder().removeKeyboard(true).build() : null;
	}

	static String callbackData(String value) {
		if (value.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
			throw new IllegalArgumentException("callback data over 64 bytes: " + value.length() + " characters");
		}
		return value;
	}

	private static ReplyParameters reply(String messageId) {
		return ReplyParameters.builder().messageId(Integer.parseInt(messageId)).allowSendingWithoutReply(true).build();
	}

	/** The chat a Telegram address names: a chat id or a channel's @name. */
	static String chat(Address to) {
		if (to.transport() != Transport.TELEGRAM) {
			throw new IllegalArgumentException("not a Telegram address: " + to);
		}
		return to.id();
	}

	private static Outbox.Priority priority(Urgency urgency) {
		return urgency == Urgency.URGENT ? Outbox.Priority.URGENT : Outbox.Priority.NORMAL;
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	static String escape(String raw) {
		return org.vigia.bot.messages.Texts.escape(raw);
	}

}
