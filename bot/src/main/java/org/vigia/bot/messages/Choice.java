package org.vigia.bot.messages;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What an option the bot offered means once chosen: one named protocol per kind of option, so that a button's
 * meaning is a type, never a letter to compare. Every option's value ({@code MenuItem.value()}) is written by
 * {@link #value()} and every choice a person sends is read by {@link #read}; whoever handles a choice still
 * checks it (it may be stale or forged).
 *
 * <p>The wire form is short (Telegram's callback data holds 64 bytes) and stable, so that the buttons of
 * messages sent before an upgrade still work: a protocol's tag, then its fields, separated by colons.
 *
 * <table>
 * <tr><th>protocol</th><th>wire form</th><th>offered by</th></tr>
 * <tr><td>{@link Start}</td><td>{@code s:report}</td><td>the welcome</td></tr>
 * <tr><td>{@link ReportAnswer}</td><td>{@code r:turn:option}</td><td>the guided report</td></tr>
 * <tr><td>{@link JoinAnswer}</td><td>{@code j:y}, {@code j:n}, {@code j:name}</td><td>joining as an observer</td></tr>
 * <tr><td>{@link LanguageChoice}</td><td>{@code l:es}</td><td>/language</td></tr>
 * <tr><td>{@link CheckPlace}</td><td>{@code c:neighborhood}, {@code c:*}</td><td>/check</td></tr>
 * <tr><td>{@link DutyArea}</td><td>{@code duty:neighborhood}</td><td>observers' /onduty</td></tr>
 * <tr><td>{@link DispatcherAction}</td><td>{@code d:incident:action}</td><td>dispatchers' scene messages</td></tr>
 * <tr><td>{@link ObserverAnswer}</td><td>{@code o:token:action}</td><td>observers' prompts</td></tr>
 * <tr><td>{@link AccompanyAnswer}</td><td>{@code a:turn:option}</td><td>the accompaniment request</td></tr>
 * <tr><td>{@link Accompaniment}</td><td>{@code v:appointment:action}</td><td>accompaniers' and the person's
 * messages about an appointment</td></tr>
 * <tr><td>{@link FamilyAnswer}</td><td>{@code f:y:code}, {@code f:n}</td><td>a family contact's link</td></tr>
 * <tr><td>{@link SignupAnswer}</td><td>{@code g:y}, {@code g:n}, {@code g:lang:es}, {@code g:place:key},
 * {@code g:done}, {@code g:name}</td><td>joining as an accompanier</td></tr>
 * </table>
 * Anything else is {@link Unknown}.
 */
public sealed interface Choice {

	/** The option's value, as sent to the messenger and read back by {@link #read}. */
	String value();

	/** What a chosen value means; never throws. */
	static Choice read(String value) {
		Objects.requireNonNull(value, "value must not be null");
		int colon = value.indexOf(':');
		String tag = colon < 0 ? value : value.substring(0, colon);
		String rest = colon < 0 ? "" : value.substring(colon + 1);
		Optional<? extends Choice> read = switch (tag) {
			case Start.TAG -> Start.Option.of(rest).map(Start::new);
			case ReportAnswer.TAG -> ReportAnswer.read(rest);
			case JoinAnswer.TAG -> JoinAnswer.Answer.of(rest).map(JoinAnswer::new);
			case LanguageChoice.TAG -> Optional.of(new LanguageChoice(rest));
			case CheckPlace.TAG -> Optional.of(new CheckPlace(rest));
			case DutyArea.TAG -> Optional.of(new DutyArea(rest));
			case DispatcherAction.TAG -> Optional.of(DispatcherAction.read(rest));
			case ObserverAnswer.TAG -> Optional.of(ObserverAnswer.read(rest));
			case AccompanyAnswer.TAG -> AccompanyAnswer.read(rest);
			case Accompaniment.TAG -> Optional.of(Accompaniment.read(rest));
			case FamilyAnswer.TAG -> Optional.of(FamilyAnswer.read(rest));
			case SignupAnswer.TAG -> Optional.of(new SignupAnswer(rest));
			default -> Optional.empty();
		};
		return read.<Choice>map(c -> c).orElseGet(() -> new Unknown(value));
	}

	/** A button of the welcome: the same as its command. */
	record Start(Option option) implements Choice {

		static final String TAG = "s";

		/** The four things people come for, in the order they are shown. */
		public enum Option {

			REPORT("report"), CHECK("check"), RIGHTS("rights"), LANGUAGE("language");

			private final String wire;

			Option(String wire) {
				this.wire = wire;
			}

			/** The key of its label in the bundles. */
			public String labelKey() {
				return "start.button." + wire;
			}

			static Optional<Option> of(String wire) {
				return Arrays.stream(values()).filter(o -> o.wire.equals(wire)).findFirst();
			}

		}

		@Override
		public String value() {
			return TAG + ":" + option.wire;
		}

	}

	/**
	 * An option of the guided report's question number {@code turn} (an old question's options are stale).
	 *
	 * @param option core's {@code Option} value, as the report flow offered it
	 */
	record ReportAnswer(int turn, String option) implements Choice {

		static final String TAG = "r";

		private static String prefix(int turn) {
			return TAG + ":" + turn + ":";
		}

		static Optional<ReportAnswer> read(String rest) {
			String[] parts = rest.split(":", 2);
			if (parts.length != 2 || !parts[0].matches("0|[1-9][0-9]{0,8}")) {
				return Optional.empty();
			}
			return Optional.of(new ReportAnswer(Integer.parseInt(parts[0]), parts[1]));
		}

		@Override
		public String value() {
			return prefix(turn) + option;
		}

	}

	/** An answer while joining as an observer: consent, or the suggested name. */
	record JoinAnswer(Answer answer) implements Choice {

		static final String TAG = "j";

		public enum Answer {

			AGREE("y"), DECLINE("n"), SUGGESTED_NAME("name");

			private final String wire;

			Answer(String wire) {
				this.wire = wire;
			}

			static Optional<Answer> of(String wire) {
				return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
			}

		}

		@Override
		public String value() {
			return TAG + ":" + answer.wire;
		}

	}

	/** A language chosen with /language: "en", "es" (anything else reads as English). */
	record LanguageChoice(String language) implements Choice {

		static final String TAG = "l";

		@Override
		public String value() {
			return TAG + ":" + language;
		}

	}

	/**
	 * A place for /check: a neighborhood's key, or {@link #PICK} for "pick a neighborhood" where that is an option
	 * (Telegram's place keyboard sends it as text instead).
	 */
	record CheckPlace(String neighborhood) implements Choice {

		static final String TAG = "c";

		public static final String PICK = "*";

		public static CheckPlace pick() {
			return new CheckPlace(PICK);
		}

		public boolean picking() {
			return PICK.equals(neighborhood);
		}

		@Override
		public String value() {
			return TAG + ":" + neighborhood;
		}

	}

	/** The neighborhood an observer is on duty in, from /onduty's list: its key, as written (checked by the desk). */
	record DutyArea(String neighborhood) implements Choice {

		static final String TAG = "duty";

		@Override
		public String value() {
			return TAG + ":" + neighborhood;
		}

	}

	/**
	 * A dispatcher's action on a scene, from the buttons under the scene's message.
	 *
	 * @param incident the incident's id as written (checked by the desk)
	 * @param action the action, if it is one ({@link Action})
	 */
	record DispatcherAction(String incident, Optional<Action> action) implements Choice {

		static final String TAG = "d";

		public enum Action {

			CONFIRM("confirm"), NOT_ICE("not-ice"), END("end");

			private final String wire;

			Action(String wire) {
				this.wire = wire;
			}

			static Optional<Action> of(String wire) {
				return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
			}

		}

		public DispatcherAction(String incident, Action action) {
			this(incident, Optional.of(action));
		}

		static DispatcherAction read(String rest) {
			String[] parts = rest.split(":", 2);
			return new DispatcherAction(parts[0], parts.length == 2 ? Action.of(parts[1]) : Optional.empty());
		}

		@Override
		public String value() {
			return TAG + ":" + incident + ":" + action.map(a -> a.wire).orElse("");
		}

	}

	/**
	 * A press on an observer's prompt: the prompt's unguessable token and the action's name
	 * ({@code ObserverAction}), both as written (checked against what the token offers).
	 */
	record ObserverAnswer(String token, String action) implements Choice {

		static final String TAG = "o";

		static ObserverAnswer read(String rest) {
			String[] parts = rest.split(":", 2);
			return new ObserverAnswer(parts[0], parts.length == 2 ? parts[1] : null);
		}

		@Override
		public String value() {
			return TAG + ":" + token + (action == null ? "" : ":" + action);
		}

	}

	/**
	 * An option of the accompaniment request's question number {@code turn} (an old question's options are stale).
	 *
	 * @param option core's {@code Option} value, as the accompaniment flow offered it
	 */
	record AccompanyAnswer(int turn, String option) implements Choice {

		static final String TAG = "a";

		static Optional<AccompanyAnswer> read(String rest) {
			return ReportAnswer.read(rest).map(r -> new AccompanyAnswer(r.turn(), r.option()));
		}

		@Override
		public String value() {
			return TAG + ":" + turn + ":" + option;
		}

	}

	/**
	 * A press about one appointment: an accompanier answering a request or reporting on the day, the person
	 * cancelling. The appointment id is as written: whoever handles it checks that the presser may act on it.
	 */
	record Accompaniment(String appointment, Optional<Action> action) implements Choice {

		static final String TAG = "v";

		public enum Action {

			/** An accompanier asked to go: yes... */
			ACCEPT("accept"),
			/** ...or no. */
			DECLINE("decline"),
			/** An assigned accompanier can no longer go. */
			WITHDRAW("withdraw"),
			/** On the day: met the person at the entrance. */
			MET("met"),
			/** Inside, with the person. */
			INSIDE("inside"),
			/** Done, they left together. */
			DONE("done"),
			/** The person was detained. */
			DETAINED("detained"),
			/** The person who asked cancels the request. */
			CANCEL("cancel");

			private final String wire;

			Action(String wire) {
				this.wire = wire;
			}

			static Optional<Action> of(String wire) {
				return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
			}

		}

		public Accompaniment(String appointment, Action action) {
			this(appointment, Optional.of(action));
		}

		static Accompaniment read(String rest) {
			String[] parts = rest.split(":", 2);
			return new Accompaniment(parts[0], parts.length == 2 ? Action.of(parts[1]) : Optional.empty());
		}

		@Override
		public String value() {
			return TAG + ":" + appointment + ":" + action.map(a -> a.wire).orElse("");
		}

	}

	/**
	 * A family contact who opened the person's link accepts ({@code code} the link's code, as written) or not.
	 */
	record FamilyAnswer(boolean accept, String code) implements Choice {

		static final String TAG = "f";

		static FamilyAnswer read(String rest) {
			return rest.startsWith("y:") ? new FamilyAnswer(true, rest.substring(2)) : new FamilyAnswer(false, "");
		}

		@Override
		public String value() {
			return accept ? TAG + ":y:" + code : TAG + ":n";
		}

	}

	/**
	 * An answer while joining as an accompanier: consent ({@code y}, {@code n}), a language or a place toggled
	 * ({@code lang:es}, {@code place:key}), {@code done} with a list, the suggested {@code name}; as written.
	 */
	record SignupAnswer(String option) implements Choice {

		static final String TAG = "g";

		@Override
		public String value() {
			return TAG + ":" + option;
		}

	}

	/** No protocol the bot offers: stale, or forged. */
	record Unknown(String value) implements Choice {
	}

}
