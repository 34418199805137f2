package org.vigia.bot.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import org.vigia.bot.channel.Publisher;
import org.vigia.bot.chat.Conversations.Mode;
import org.vigia.bot.chat.Conversations.State;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisObserverStore;
import org.vigia.store.RedisReportStore;
import org.vigia.bot.telegram.Outbox;
import org.vigia.core.chat.Text;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle.VerdictOutcome;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.Report;
import org.vigia.core.report.Uniform;

/**
 * Observers and dispatchers in their private chats: joining with an invite code, going on and off duty,
 * the "can you go and check?" prompts and their answers, and the dispatchers' /invite and /incidents.
 *
 * <p>Observer buttons carry a short random token ({@code o:token:action}) that Redis resolves to the
 * observer and incident it was sent for: a press by anyone else, on an expired token or with made-up data
 * gets a short notice and changes nothing. Prompts say roughly where and what residents described, never
 * who reported.
 */
public final class ObserverDesk implements Verification.Notices {

	static final String OBSERVER = "o";

	static final String DISPATCHER = "d";

	static final String JOIN = "j";

	private final Conversations conversations;

	private final Replies replies;

	private final RedisObserverStore observers;

	private final RedisChatState state;

	private final RedisIncidentStore incidents;

	private final RedisReportStore reports;

	private final NeighborhoodDirectory neighborhoods;

	private final Publisher publisher;

	private final Set<Long> dispatchers;

	private final VigiaSettings settings;

	private final Clock clock;

	private Verification verification;

	public ObserverDesk(Conversations conversations, Replies replies, RedisObserverStore observers,
			RedisChatState state, RedisIncidentStore incidents, RedisReportStore reports,
			NeighborhoodDirectory neighborhoods, Publisher publisher, Set<Long> dispatchers, VigiaSettings settings,
			Clock clock) {
		this.conversations = conversations;
		this.replies = replies;
		this.observers = observers;
		this.state = state;
		this.incidents = incidents;
		this.reports = reports;
		this.neighborhoods = neighborhoods;
		this.publisher = publisher;
		this.dispatchers = Set.copyOf(dispatchers);
		this.settings = settings;
		this.clock = clock;
	}

	/** Closes the cycle between the desk (which sends) and verification (which decides). */
	public void verification(Verification verification) {
		this.verification = verification;
	}

	public boolean isDispatcher(long user) {
		return dispatchers.contains(user);
	}

	public Optional<Observer> observer(long chat) {
		return observers.findByChat(chat);
	}

	// ---- joining and duty -------------------------------------------------------------------------

	public void join(long chat, String language, String argument) {
		if (observers.findByChat(chat).isPresent()) {
			replies.say(chat, language, "observer.join.already");
			return;
		}
		String code = argument == null ? "" : argument.strip().toUpperCase(Locale.ROOT);
		if (code.isEmpty()) {
			replies.say(chat, language, "observer.join.usage");
			return;
		}
		if (!state.inviteExists(code)) {
			replies.say(chat, language, "observer.join.invalid");
			return;
		}
		conversations.save(chat, new State(Mode.JOIN, language, null, code));
		replies.say(chat, language, inline(List.of(
				button(replies.texts().render("observer.join.agree", language), JOIN + ":y"),
				button(replies.texts().render("observer.join.decline", language), JOIN + ":n"))),
				"observer.join.consent");
	}

	public void consent(long chat, String callbackId, String language, String answer, State current) {
		if (current == null || current.mode() != Mode.JOIN) {
			replies.answer(callbackId, chat, language, "button.stale");
			return;
		}
		replies.answer(callbackId, chat, language, null);
		conversations.end(chat);
		if (!"y".equals(answer)) {
			replies.say(chat, language, "observer.join.declined");
			return;
		}
		if (!state.redeemInvite(current.code())) {
			replies.say(chat, language, "observer.join.invalid");
			return;
		}
		String alias = "Observer-" + org.vigia.core.chat.ReportIntake.randomId().value().substring(0, 5);
		var observer = new Observer(new ObserverId(org.vigia.core.chat.ReportIntake.randomId().value()), alias, chat,
				false, language, clock.instant());
		observers.save(observer);
		replies.say(chat, language, "observer.join.done", alias);
	}

	public void onDuty(long chat, String language) {
		if (observers.findByChat(chat).isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		conversations.save(chat, new State(Mode.ON_DUTY, language, null, null));
		replies.say(chat, language, "observer.onduty.ask");
	}

	/** A (live) location from an observer: while on duty, it moves them in the index. */
	public boolean location(long chat, String language, GeoPoint where, boolean live, State current) {
		Optional<Observer> observer = observers.findByChat(chat);
		if (observer.isEmpty()) {
			return false;
		}
		boolean starting = current != null && current.mode() == Mode.ON_DUTY;
		if (!starting && !observers.isOnDuty(observer.get().id())) {
			return false;
		}
		observers.onDuty(observer.get().id(), where, settings.retention().onDutyPosition());
		if (starting) {
			conversations.end(chat);
			replies.say(chat, language, "observer.onduty.on");
		}
		return true;
	}

	public void offDuty(long chat, String language) {
		Optional<Observer> observer = observers.findByChat(chat);
		if (observer.isEmpty()) {
			replies.say(chat, language, "observer.notRegistered");
			return;
		}
		observers.offDuty(observer.get().id());
		replies.say(chat, language, "observer.offduty.done");
	}

	// ---- prompts (Verification.Notices) -----------------------------------------------------------

	@Override
	public CompletableFuture<Long> ask(Observer observer, Incident incident, double meters) {
		String token = state.issue(new RedisChatState.Button(observer.id(), incident.id(), observer.chatId()),
				settings.deadlines().unverified().plus(Duration.ofHours(1)));
		String language = observer.language();
		String html = replies.texts().render(Text.of("observer.prompt", Text.of(Publisher.kindKey(incident)),
				place(incident), distance(meters), description(incident, language), publisher.time(incident.openedAt())), language);
		return messageId(replies.send(observer.chatId(), html, inline(List.of(
				button(replies.texts().render("observer.prompt.going", language), OBSERVER + ":" + token + ":g"),
				button(replies.texts().render("observer.prompt.cant", language), OBSERVER + ":" + token + ":c"))),
				Outbox.Priority.URGENT));
	}

	private static CompletableFuture<Long> messageId(CompletableFuture<Message> sent) {
		return sent.thenApply(m -> m.getMessageId().longValue());
	}

	@Override
	public CompletableFuture<Long> askVerdict(Observer observer, Incident incident) {
		String token = state.issue(new RedisChatState.Button(observer.id(), incident.id(), observer.chatId()),
				settings.deadlines().publishedEnd());
		String language = observer.language();
		var t = replies.texts();
		String html = t.render(Text.of("observer.going.thanks"), language) + "\n\n"
				+ t.render(Text.of("observer.verdict.ask"), language);
		var rows = List.of(
				new InlineKeyboardRow(button(t.render("observer.verdict.ice", language), OBSERVER + ":" + token + ":i")),
				new InlineKeyboardRow(button(t.render("observer.verdict.police", language), OBSERVER + ":" + token + ":p"),
						button(t.render("observer.verdict.other", language), OBSERVER + ":" + token + ":a")),
				new InlineKeyboardRow(button(t.render("observer.verdict.nothing", language), OBSERVER + ":" + token + ":n")));
		return messageId(replies.send(observer.chatId(), html, InlineKeyboardMarkup.builder().keyboard(rows).build(),
				Outbox.Priority.URGENT));
	}

	/** After an "ICE confirmed": a button to say when the agents have left. */
	private void askAgentsLeft(Observer observer, IncidentId incident) {
		String token = state.issue(new RedisChatState.Button(observer.id(), incident, observer.chatId()),
				settings.deadlines().publishedEnd());
		String language = observer.language();
		replies.send(observer.chatId(), replies.texts().render(Text.of("observer.left.ask"), language),
				inline(List.of(button(replies.texts().render("observer.left.button", language),
						OBSERVER + ":" + token + ":x"))),
				Outbox.Priority.NORMAL);
	}

	@Override
	public void outcome(Incident incident) {
		String key = switch (incident.state()) {
			case CONFIRMED, PUBLISHED -> "outcome.confirmed";
			case NOT_ICE -> "outcome.notIce";
			case UNFOUNDED -> "outcome.unfounded";
			case EXPIRED -> "outcome.expired";
			default -> null;
		};
		if (key == null) {
			return;
		}
		for (String[] follower : state.takeFollowers(incident.id())) {
			replies.say(Long.parseLong(follower[0]), follower[1], key);
		}
	}

	@Override
	public void surge(Incident incident) {
		long minutes = Math.max(1, java.time.Duration.between(incident.openedAt(), clock.instant()).toMinutes());
		for (long dispatcher : dispatchers) {
			replies.send(dispatcher, replies.texts().render(Text.of("dispatcher.surge", incident.reports().size(),
					place(incident), minutes, incident.id().value()), "en"), null, Outbox.Priority.URGENT);
		}
	}

	/** A press on an observer button: {@code token:action}. */
	public void press(long user, String callbackId, String language, String data) {
		String[] parts = data.split(":", 2);
		Optional<RedisChatState.Button> button = parts.length == 2 ? state.button(parts[0]) : Optional.empty();
		if (button.isEmpty()) {
			replies.answer(callbackId, user, language, "button.stale");
			return;
		}
		if (button.get().chat() != user) {
			replies.answer(callbackId, user, language, "button.notForYou");
			return;
		}
		Optional<Observer> observer = observers.find(button.get().observer());
		if (observer.isEmpty()) {
			replies.answer(callbackId, user, language, "button.stale");
			return;
		}
		IncidentId incident = button.get().incident();
		switch (parts[1]) {
			case "g" -> {
				boolean counted = verification.going(incident, observer.get());
				replies.answer(callbackId, user, language, counted ? null : "button.stale");
			}
			case "c" -> {
				boolean counted = verification.declined(incident, observer.get());
				replies.answer(callbackId, user, language, counted ? null : "button.stale");
				if (counted) {
					replies.say(user, language, "observer.cant.thanks");
				}
			}
			case "i", "p", "a", "n" -> {
				VerdictOutcome outcome = verification.verdict(incident, observer.get(), verdict(parts[1]));
				String key = outcome instanceof VerdictOutcome.Counted ? "observer.verdict.thanks"
						: outcome instanceof VerdictOutcome.AlreadyAnswered ? "observer.verdict.already"
								: outcome instanceof VerdictOutcome.NotAsked ? "button.notForYou" : "observer.verdict.closed";
				replies.answer(callbackId, user, language, key);
				replies.say(user, language, key);
				if (outcome instanceof VerdictOutcome.Counted && "i".equals(parts[1])) {
					askAgentsLeft(observer.get(), incident);
				}
			}
			case "x" -> {
				boolean ended = verification.agentsLeft(incident, observer.get());
				replies.answer(callbackId, user, language, ended ? null : "button.stale");
				if (ended) {
					replies.say(user, language, "observer.left.thanks");
				}
			}
			default -> replies.answer(callbackId, user, language, "button.stale");
		}
	}

	private static VerdictKind verdict(String action) {
		return switch (action) {
			case "i" -> VerdictKind.ICE_CONFIRMED;
			case "p" -> VerdictKind.LOCAL_POLICE;
			case "a" -> VerdictKind.OTHER_AGENCY;
			default -> VerdictKind.NOTHING_THERE;
		};
	}

	// ---- dispatchers --------------------------------------------------------------------------------

	public void invite(long chat, String language) {
		if (!isDispatcher(chat)) {
			replies.say(chat, language, "dispatcher.only");
			return;
		}
		Duration ttl = Duration.ofHours(48);
		String code = state.newInvite("bot-dispatcher", ttl);
		replies.say(chat, language, "dispatcher.invite", code, publisher.time(clock.instant().plus(ttl)));
	}

	public void incidents(long chat, String language) {
		if (!isDispatcher(chat)) {
			replies.say(chat, language, "dispatcher.only");
			return;
		}
		List<Incident> open = incidents.open();
		if (open.isEmpty()) {
			replies.say(chat, language, "dispatcher.incidents.none");
			return;
		}
		for (Incident i : open.subList(0, Math.min(10, open.size()))) {
			String html = replies.texts().render(Text.of("dispatcher.incidents.item", i.id().value(),
					Text.of(Publisher.kindKey(i)), place(i), i.reports().size(), i.state().name()), language);
			var markup = i.state().unverified() ? inline(List.of(
					button(replies.texts().render("dispatcher.confirm", language), DISPATCHER + ":" + i.id() + ":c"),
					button(replies.texts().render("dispatcher.reject", language), DISPATCHER + ":" + i.id() + ":r")))
					: null;
			replies.send(chat, html, markup, Outbox.Priority.NORMAL);
		}
	}

	public void dispatcherPress(long user, String callbackId, String language, String data) {
		String[] parts = data.split(":", 2);
		if (!isDispatcher(user)) {
			replies.answer(callbackId, user, language, "dispatcher.only");
			return;
		}
		if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,24}")) {
			replies.answer(callbackId, user, language, "button.stale");
			return;
		}
		IncidentId id = new IncidentId(parts[0]);
		Optional<Incident> done = "c".equals(parts[1]) ? verification.dispatcherConfirm(id, "telegram-dispatcher")
				: "r".equals(parts[1]) ? verification.dispatcherReject(id, IncidentState.NOT_ICE, "telegram-dispatcher")
						: Optional.empty();
		replies.answer(callbackId, user, language, done.isPresent() ? null : "button.stale");
		done.ifPresent(i -> replies.say(user, language, "dispatcher.done", i.id().value(), i.state().name()));
	}

	// ---- texts --------------------------------------------------------------------------------------

	private String place(Incident incident) {
		List<Report> members = reports.findAll(incident.reports());
		return members.stream().map(Report::placeText).filter(p -> p != null && !p.isBlank()).findFirst()
			.orElseGet(() -> neighborhoods.lookup(incident.center()).found().map(Neighborhood::name).orElse("?"));
	}

	private static String distance(double meters) {
		if (Double.isNaN(meters)) {
			return "?";
		}
		return meters < 1000 ? Math.round(meters / 50.0) * 50 + " m" : String.format(Locale.ROOT, "%.1f km", meters / 1000);
	}

	private String description(Incident incident, String language) {
		List<Report> members = reports.findAll(incident.reports());
		int agents = members.stream().mapToInt(r -> r.sighting().agents().typical()).max().orElse(0);
		int vehicles = members.stream().mapToInt(r -> r.sighting().vehicles().typical()).max().orElse(0);
		Set<Uniform> uniforms = EnumSet.noneOf(Uniform.class);
		members.forEach(r -> uniforms.addAll(r.sighting().uniforms()));
		String notes = members.stream().map(Report::note).filter(n -> n != null && !n.isBlank()).limit(3)
			.collect(Collectors.joining(" / "));
		var t = replies.texts();
		var out = new StringBuilder(t.render(Text.of("observer.describe.reports", members.size()), language));
		if (agents > 0) {
			out.append(", ").append(t.render(Text.of("observer.describe.agents", agents), language));
		}
		if (vehicles > 0) {
			out.append(", ").append(t.render(Text.of("observer.describe.vehicles", vehicles), language));
		}
		if (!uniforms.isEmpty()) {
			out.append(", ").append(uniforms.stream().map(Enum::name).sorted().collect(Collectors.joining("/")));
		}
		if (!notes.isEmpty()) {
			out.append(". ").append(notes);
		}
		return out.toString();
	}

	static InlineKeyboardButton button(String label, String data) {
		return InlineKeyboardButton.builder().text(label.replaceAll("<[^>]+>", "")).callbackData(data).build();
	}

	static InlineKeyboardMarkup inline(List<InlineKeyboardButton> row) {
		return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(row)).build();
	}

}
