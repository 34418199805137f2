package org.vigia.bot.accompany;

import java.util.Objects;
import java.util.Set;

import org.vigia.bot.chat.Conversations;
import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.chat.Desk;
import org.vigia.bot.messages.Choice;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;

/**
 * Accompaniment in a private chat, as the chat router offers it inputs: {@code /accompany} (the request),
 * {@code /start f_…} (a family contact's link), {@code /invite accompany} and {@code /join CODE} with an
 * accompanier's code (joining), and the buttons of its protocols. Everything else is left to the router.
 */
final class AccompanyDesk implements Desk {

	/** Words after /invite that ask for an accompanier's code rather than an observer's. */
	static final Set<String> INVITE_ACCOMPANY = Set.of("accompany", "accompanier", "acompañar", "acompanar",
			"acompañante", "acompanante");

	private final RequestDesk requests;

	private final FamilyDesk family;

	private final Signup signup;

	private final AppointmentButtons buttons;

	private final Conversations conversations;

	AccompanyDesk(RequestDesk requests, FamilyDesk family, Signup signup, AppointmentButtons buttons,
			Conversations conversations) {
		this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
		this.requests = Objects.requireNonNull(requests, "requests must not be null");
		this.family = Objects.requireNonNull(family, "family must not be null");
		this.signup = Objects.requireNonNull(signup, "signup must not be null");
		this.buttons = Objects.requireNonNull(buttons, "buttons must not be null");
	}

	@Override
	public boolean command(Address chat, String language, Inbound.Command command) {
		String argument = command.argument();
		switch (command.name()) {
			case "accompany", "acompanar" -> {
				requests.start(chat, language);
				return true;
			}
			case "start" -> {
				if (!argument.startsWith(FamilyLinks.PREFIX)) {
					return false;
				}
				family.open(chat, language, argument);
				return true;
			}
			case "invite" -> {
				if (!INVITE_ACCOMPANY.contains(argument.strip().toLowerCase(java.util.Locale.ROOT))) {
					return false;
				}
				signup.invite(chat, language);
				return true;
			}
			case "join" -> {
				return signup.join(chat, language, argument);
			}
			default -> {
				return false;
			}
		}
	}

	@Override
	public boolean press(Address chat, Inbound press, String language, Choice choice) {
		if (choice instanceof Choice.AccompanyAnswer answer) {
			requests.press(chat, press, language, answer, conversations.load(chat).orElse(null));
		}
		else if (choice instanceof Choice.Accompaniment action) {
			buttons.press(chat, press, language, action);
		}
		else if (choice instanceof Choice.FamilyAnswer answer) {
			family.press(chat, press, language, answer);
		}
		else if (choice instanceof Choice.SignupAnswer answer) {
			signup.press(chat, press, language, answer, conversations.load(chat).orElse(null));
		}
		else {
			return false;
		}
		return true;
	}

	@Override
	public boolean message(Address chat, String language, Inbound input, State current) {
		if (current != null && current.mode() == Mode.ACCOMPANY && current.accompany() != null) {
			requests.message(chat, input, current);
			return true;
		}
		return signup.name(chat, language, input, current);
	}

}
