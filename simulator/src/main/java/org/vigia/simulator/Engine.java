package org.vigia.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.channel.Publisher;
import org.vigia.bot.chat.ChatRouter;
import org.vigia.bot.chat.Conversations;
import org.vigia.bot.chat.Dispatchers;
import org.vigia.bot.chat.Duty;
import org.vigia.bot.chat.Joining;
import org.vigia.bot.chat.Notifications;
import org.vigia.bot.chat.ObserverDesk;
import org.vigia.bot.chat.PhotoIntake;
import org.vigia.bot.chat.ReportSubmission;
import org.vigia.bot.chat.ResidentDesk;
import org.vigia.bot.chat.RumorCheck;
import org.vigia.bot.config.DeadlineTicker;
import org.vigia.bot.dispatcher.DispatcherDesk;
import org.vigia.bot.dispatcher.DispatcherTexts;
import org.vigia.bot.dispatcher.DispatcherWarnings;
import org.vigia.bot.dispatcher.SignalCaptcha;
import org.vigia.bot.incident.Changes;
import org.vigia.bot.incident.Deadlines;
import org.vigia.bot.incident.Dispatching;
import org.vigia.bot.incident.Outcomes;
import org.vigia.bot.incident.Prompting;
import org.vigia.bot.incident.Publishing;
import org.vigia.bot.incident.Retention;
import org.vigia.bot.incident.Verdicts;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.messages.Texts;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.bot.observer.ObserverPrompts;
import org.vigia.bot.observer.PromptAnswers;
import org.vigia.bot.observer.PromptButtons;
import org.vigia.bot.observer.PromptRefresh;
import org.vigia.bot.photo.PhotoSanitizer;
import org.vigia.bot.scene.SceneTexts;
import org.vigia.bot.scene.Scenes;
import org.vigia.core.chat.ReportIntake;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.InboundHandler;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.report.CachingRateLimiter;
import org.vigia.core.scene.NamedPlaces;
import org.vigia.core.scene.ScenePlaces;
import org.vigia.store.EmbeddedRedis;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisConversationStore;
import org.vigia.store.RedisDeadlineSchedule;
import org.vigia.store.RedisIncidentAssigner;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisInstances;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisNeighborhoodText;
import org.vigia.store.RedisObserverStore;
import org.vigia.store.RedisPostLedger;
import org.vigia.store.RedisPromptLedger;
import org.vigia.store.RedisRateLimiter;
import org.vigia.store.RedisReportStore;
import org.vigia.store.RedisStats;
import org.vigia.store.Replicas;

/**
 * Vigía's engine, built as the bot builds it (the bot's {@code ChatConfig}) but on the simulator's clock and
 * messenger, on an embedded Redis of its own that it deletes when closed: the real conversation, merge rule,
 * dispatch policy, quorum, deadlines and publisher. Nothing here decides anything; it only wires.
 *
 * <p>The bot runs its timers on threads of their own; here the simulator calls {@link #tick()} on its virtual
 * clock instead: deadlines and widening once a second, observers' prompt edits once a second, as the bot does.
 * The bot's recovery sweep, which finishes what a killed process left half-done, is not run: no process is
 * killed in a simulated day, and the sweep re-reads every open incident every 15 seconds, which would cost
 * more wall time than the rest of the engine together.
 */
final class Engine implements AutoCloseable {

	private static final String SECRET = "simulator-only-secret-not-for-any-deployment";

	private final Path folder;

	private final EmbeddedRedis server;

	private final LettuceConnectionFactory connection;

	private final RedisKeys keys = new RedisKeys("sim:");

	private final StringRedisTemplate redis;

	private final RedisIncidentStore incidents;

	private final RedisChatState chatState;

	private final ChatRouter router;

	private final DeadlineTicker deadlines;

	private final PromptRefresh promptEdits;

	private final RedisObserverStore observers;

	Engine(VirtualTime clock, SimulatedMessenger messenger, VigiaSettings settings, Path neighborhoodsFile) {
		try {
			folder = Files.createTempDirectory("vigia-simulator");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server = EmbeddedRedis.start(folder);
		connection = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port()));
		connection.start();
		redis = new StringRedisTemplate(connection);
		var pseudonyms = new Pseudonyms(SECRET);
		var reports = new RedisReportStore(redis, keys);
		incidents = new RedisIncidentStore(redis, keys);
		var neighborhoods = new NeighborhoodDirectory(new RedisNeighborhoodText(redis, keys), neighborhoodsFile.toString());
		var assigner = new RedisIncidentAssigner(redis, keys, incidents, settings.clustering(), neighborhoods::areaOf,
				settings.retention().open());
		observers = new RedisObserverStore(redis, keys, clock);
		var instances = new RedisInstances(redis, keys, Duration.ofHours(24));
		instances.beat();
		var posts = new RedisPostLedger(redis, keys, instances, settings.retention().open());
		var prompts = new RedisPromptLedger(redis, keys, instances, settings.retention().open());
		var schedule = new RedisDeadlineSchedule(redis, keys, clock, settings.retention().open());
		var stats = new RedisStats(redis, keys, clock);
		chatState = new RedisChatState(redis, keys, pseudonyms);
		var conversations = new Conversations(
				new RedisConversationStore(redis, keys, pseudonyms, settings.retention().conversation()));

		var texts = new Texts(messages());
		var replies = new Replies(messenger, texts, "555-0100");
		Function<Address, String> languageOf = ChatRouter.chosenLanguage(chatState, pseudonyms);
		NamedPlaces places = NamedPlaces.NONE;
		var scenes = new Scenes(reports, new ScenePlaces(() -> places, ScenePlaces.AddressLookup.NONE,
				point -> neighborhoods.lookup(point).found().map(Neighborhood::name)));
		var words = new SceneTexts(texts, ZoneOffset.UTC);
		var publisher = new Publisher(messenger, clock, words, scenes, neighborhoods, posts, 250, chatState);
		var buttons = new PromptButtons(chatState, pseudonyms, texts, settings);
		var observerPrompts = new ObserverPrompts(replies, scenes, words, buttons, observers, chatState, prompts, clock);
		promptEdits = new PromptRefresh(incidents, observerPrompts, clock, PromptRefresh.DEFAULT_INTERVAL);
		var dispatcherTexts = new DispatcherTexts(scenes, words, observers);
		var warnings = new DispatcherWarnings(replies, dispatcherTexts, Set.of(), languageOf, clock);
		var notices = new Notifications(observerPrompts, promptEdits, warnings, chatState, replies);
		var changes = new Changes(incidents);
		var expiries = new Deadlines(schedule, settings);
		var publishing = new Publishing(changes, publisher, notices, expiries, settings, clock);
		var outcomes = new Outcomes(changes, publishing, notices,
				new Retention(incidents, reports, posts, prompts, notices, settings), stats, settings, clock);
		var dispatching = new Dispatching(changes, observers, new Prompting(prompts, notices), notices, expiries,
				settings, clock);
		var verification = new Verification(changes, expiries, dispatching,
				new Verdicts(changes, observers, outcomes, settings, clock), outcomes, publishing, stats);
		var answers = new PromptAnswers(replies, chatState, observers, buttons, verification);
		var dispatcherDesk = new DispatcherDesk(replies, chatState, incidents, dispatcherTexts, verification, Set.of(),
				clock);
		var observerDesk = new ObserverDesk(new Joining(conversations, replies, observers, chatState, clock),
				new Duty(conversations, replies, observers, settings, neighborhoods), answers, dispatcherDesk,
				new SignalCaptcha(replies, Set.of(), languageOf, SignalCaptcha.NO_SIGNAL));
		var limiter = new CachingRateLimiter(new RedisRateLimiter(redis, keys, settings.rateLimit()), 100_000);
		var intake = new ReportIntake(reports, new Replicas(redis, Duration.ZERO, clock).acknowledged(assigner), limiter,
				clock, settings);
		var dispatchers = new Dispatchers(replies, Set.of(), languageOf, scenes, words,
				settings.dispatch().widenedRadiusMeters());
		var submission = new ReportSubmission(intake, verification, dispatchers, chatState, pseudonyms, stats, settings,
				replies.hotline(), ZoneOffset.UTC);
		var photos = new PhotoIntake(messenger, new PhotoSanitizer(PhotoSanitizer.Limits.DEFAULTS), chatState, settings);
		var residents = new ResidentDesk(conversations, replies, neighborhoods.places(NeighborhoodDirectory.Geocoding.NONE), submission, photos,
				clock);
		var rumors = new RumorCheck(conversations, replies, incidents, neighborhoods, scenes, words,
				settings.retention().afterClose());
		router = new ChatRouter(conversations, replies, residents, rumors, observerDesk, chatState, pseudonyms,
				List.of());
		deadlines = new DeadlineTicker(schedule, verification);
	}

	/** The bot's message bundles, as its {@code spring.messages} settings name them. */
	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/chat", "i18n/bot", "i18n/accompany");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** Where people's messages go. */
	InboundHandler handler() {
		return router;
	}

	/** A single-use invitation for an observer, as a dispatcher's /invite makes it. */
	String invite() {
		return chatState.newInvite("simulator", Duration.ofDays(1));
	}

	/** The address of a registered observer, as the engine keeps it. */
	Optional<Address> observerAddress(org.vigia.core.observer.ObserverId id) {
		return observers.find(id).map(o -> Address.ofKey(o.chat()));
	}

	/** One second of the bot's timers. */
	void tick() {
		deadlines.tick();
		promptEdits.flush();
	}

	/** Every incident the run made, open or closed, oldest first. */
	List<Incident> allIncidents() {
		Set<String> found = redis.keys(keys.prefix() + "incident:*");
		return found.stream()
			.map(k -> k.substring((keys.prefix() + "incident:").length()))
			.filter(id -> !id.contains(":"))
			.map(id -> {
				try {
					return incidents.find(new IncidentId(id));
				}
				catch (RuntimeException ex) {
					return Optional.<Incident>empty();
				}
			})
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(Incident::openedAt).thenComparing(i -> i.id().value()))
			.toList();
	}

	@Override
	public void close() {
		connection.destroy();
		server.close();
		try (var files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder left behind is harmless
		}
	}

}
