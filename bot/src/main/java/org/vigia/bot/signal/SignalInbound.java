package org.vigia.bot.signal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vigia.bot.photo.PhotoSanitizer;
import org.vigia.core.chat.Input;
import org.vigia.core.geo.MapLinks;
import org.vigia.core.geo.PlaceInText;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.InboundHandler;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.NumberedMenu;

/**
 * Signal messages ({@link SignalReceiver}) as the engine's {@link Inbound}s, read in this order:
 * <ol>
 * <li>a message in a group is ignored (the bot talks to people one to one; its groups are announcement-only);</li>
 * <li>a photo or image file (the first attachment) is an {@link Inbound.Photo} to fetch with
 * {@code getAttachment}; another file, or one declared over the sanitizer's limit, a refused photo;</li>
 * <li>a contact card, that one came (its contents were never read);</li>
 * <li>a {@code /command};</li>
 * <li>an answer to a numbered menu ({@link NumberedMenu#answer}): to the quoted message's menu when the person
 * quoted one (observers can have several prompts open), else to the chat's open menu (the last the bot sent):
 * the same {@link Inbound.Chosen} the Telegram button gives, naming the menu's message;</li>
 * <li>a place, when the text holds a map link or typed coordinates ({@link MapLinks});</li>
 * <li>anything else, typed text, which the engine answers as usual (or does not understand).</li>
 * </ol>
 * A forged item (another account, no service id) never gets here: {@link SignalEnvelopes} drops it. Identity is
 * the sender's service id, never a phone number. Nothing is logged with a sender or a text.
 */
public final class SignalInbound implements Consumer<SignalMessage> {

	private static final Logger log = LoggerFactory.getLogger(SignalInbound.class);

	private final InboundHandler engine;

	private final SignalMenus menus;

	public SignalInbound(InboundHandler engine, SignalMenus menus) {
		this.engine = Objects.requireNonNull(engine, "engine must not be null");
		this.menus = Objects.requireNonNull(menus, "menus must not be null");
	}

	@Override
	public void accept(SignalMessage message) {
		read(message).ifPresent(engine::handle);
	}

	/** The message as an input, or empty if it is none (sent in a group). */
	Optional<Inbound> read(SignalMessage message) {
		if (message.group() != null) {
			return Optional.empty();
		}
		Address from = message.sender();
		String quoted = message.quotes() == null ? null : Long.toString(message.quotes());
		if (!message.attachments().isEmpty()) {
			return Optional.of(new Inbound(from, quoted, photo(message.attachments().get(0))));
		}
		String text = message.text();
		if (text == null) {
			return Optional.of(new Inbound(from, quoted,
					message.contactCard() ? new Inbound.Contact() : new Inbound.Said(new Input.Typed(""))));
		}
		Inbound.Content typed = Inbound.typedContent(text);
		if (typed instanceof Inbound.Command) {
			return Optional.of(new Inbound(from, quoted, typed));
		}
		Optional<Inbound> chosen = chosen(from, message.quotes(), text);
		if (chosen.isPresent()) {
			return chosen;
		}
		if (MapLinks.read(text) instanceof PlaceInText.Found found) {
			return Optional.of(new Inbound(from, quoted, new Inbound.Said(new Input.Location(found.point()))));
		}
		return Optional.of(new Inbound(from, quoted, typed));
	}

	/** The option this text chooses in the quoted menu, or else the open one; the menu is then answered. */
	private Optional<Inbound> chosen(Address from, Long quoted, String text) {
		Optional<SignalMenus.Menu> menu;
		try {
			menu = quoted != null ? menus.menu(from, quoted) : menus.open(from);
		}
		catch (RuntimeException ex) {
			// Redis is down: read as text, and the engine tells the person what it tells everyone then
			log.info("A Signal menu could not be read: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
		if (menu.isEmpty()) {
			return Optional.empty();
		}
		Optional<MenuItem> item = NumberedMenu.of(menu.get().rows()).answer(text);
		if (item.isEmpty()) {
			return Optional.empty();
		}
		long on = menu.get().timestamp();
		if (on > 0) {
			try {
				menus.answered(from, on);
			}
			catch (RuntimeException ex) {
				log.info("A Signal menu was not marked answered: {}", ex.getClass().getSimpleName());
			}
		}
		// a menu still on its way has no timestamp yet: the engine knows which question is open
		return Optional.of(new Inbound(from, on > 0 ? Long.toString(on) : null, new Inbound.Chosen(item.get().value())));
	}

	private static Inbound.Content photo(SignalMessage.Attachment attachment) {
		if (!attachment.contentType().startsWith("image/")) {
			return new Inbound.Said(new Input.RejectedPhoto(PhotoSanitizer.Reason.NOT_AN_IMAGE.messageKey()));
		}
		if (attachment.size() > PhotoSanitizer.Limits.DEFAULTS.maxBytes()) {
			return new Inbound.Said(new Input.RejectedPhoto(PhotoSanitizer.Reason.TOO_LARGE.messageKey()));
		}
		return new Inbound.Photo(attachment.id());
	}

}
