package org.vigia.bot.config;

import java.util.Set;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Messenger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;

import okhttp3.OkHttpClient;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.bot.channel.Publisher;
import org.vigia.bot.chat.ChatRouter;
import org.vigia.bot.chat.Conversations;
import org.vigia.bot.chat.Dispatchers;
import org.vigia.bot.chat.Notifications;
import org.vigia.bot.chat.Duty;
import org.vigia.bot.chat.Joining;
import org.vigia.bot.chat.ObserverDesk;
import org.vigia.bot.chat.PhotoIntake;
import org.vigia.bot.dispatcher.DispatcherDesk;
import org.vigia.bot.dispatcher.DispatcherTexts;
import org.vigia.bot.dispatcher.DispatcherWarnings;
import org.vigia.bot.observer.ObserverPrompts;
import org.vigia.bot.observer.PromptAnswers;
import org.vigia.bot.observer.PromptButtons;
import org.vigia.bot.observer.PromptRefresh;
import org.vigia.bot.scene.CachedAddresses;
import org.vigia.bot.scene.PlacesFile;
import org.vigia.bot.scene.SceneTexts;
import org.vigia.bot.scene.Scenes;
import org.vigia.core.scene.NamedPlaces;
import org.vigia.core.scene.ScenePlaces;
import org.vigia.store.RedisPromptLedger;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.chat.ReportSubmission;
import org.vigia.bot.chat.ResidentDesk;
import org.vigia.bot.chat.RumorCheck;
import org.vigia.bot.messages.Texts;
import org.vigia.bot.geocode.NominatimGeocoder;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.bot.photo.PhotoSanitizer;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisConversationStore;
import org.vigia.store.RedisDeadlineSchedule;
import org.vigia.store.RedisIncidentAssigner;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisNeighborhoodText;
import org.vigia.store.RedisObserverStore;
import org.vigia.store.RedisPostLedger;
import org.vigia.store.RedisRateLimiter;
import org.vigia.store.RedisReportStore;
import org.vigia.store.RedisStats;
import org.vigia.store.RedisUpdateLedger;
import org.vigia.core.chat.ReportIntake;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;

/** Wires the chat desks, verification and publishing to Redis and Telegram. */
@Configuration(proxyBeanMethods = false)
class ChatConfig {

	@Bean
	Texts texts(MessageSource messages) {
		return new Texts(messages);
	}

	@Bean
	Replies replies(Messenger messenger, Texts texts, BotProperties bot) {
		return new Replies(messenger, texts, bot.hotline());
	}

	/** The language a person chose with /language, English if none. */
	static java.util.function.Function<Address, String> languageOf(RedisChatState state, Pseudonyms pseudonyms) {
		return ChatRouter.chosenLanguage(state, pseudonyms);
	}

	/** The dispatchers as addresses: their Telegram user ids and their Signal service ids. */
	static Set<Address> dispatchers(BotProperties bot) {
		return java.util.stream.Stream
			.concat(bot.dispatchers().stream().map(Address::telegramChat),
					bot.signalDispatchers().stream().map(Address::signalPerson))
			.collect(java.util.stream.Collectors.toSet());
	}

	@Bean
	Conversations conversations(RedisConversationStore store) {
		return new Conversations(store);
	}

	@Bean
	RedisChatState chatState(org.springframework.data.redis.core.StringRedisTemplate redis, RedisKeys keys,
			Pseudonyms pseudonyms) {
		return new RedisChatState(redis, keys, pseudonyms);
	}

	@Bean
	NeighborhoodDirectory neighborhoodDirectory(RedisNeighborhoodText text, BotProperties bot) {
		return new NeighborhoodDirectory(text, bot.neighborhoodsFile());
	}

	/** The merge rule's areas: the neighborhoods residents pick. */
	@Bean
	org.vigia.core.cluster.Areas areas(NeighborhoodDirectory neighborhoods) {
		return neighborhoods::areaOf;
	}

	/** Every process applies a map of neighborhoods saved by the console or another process (its version changed). */
	@Bean
	Periodic neighborhoodRefresh(NeighborhoodDirectory neighborhoods) {
		return Periodic.every("vigia-neighborhoods", Duration.ofSeconds(2), neighborhoods::refresh);
	}

	@Bean
	NeighborhoodDirectory.Geocoding geocoding(BotProperties bot) {
		if (bot.geocoder() == null) {
			return NeighborhoodDirectory.Geocoding.NONE;
		}
		var geocoder = new NominatimGeocoder(bot.geocoder(), bot.geocoderTimeout(), "Vigia rapid-response bot");
		return new NeighborhoodDirectory.Geocoding() {

			@Override
			public boolean enabled() {
				return true;
			}

			@Override
			public Optional<GeoPoint> geocode(String text, double[] b) {
				return geocoder.geocode(text, b == null ? null : new NominatimGeocoder.Bounds(b[0], b[1], b[2], b[3]));
			}

		};
	}

	/** The places the network lists (PLACES_FILE), to say where scenes are; none without the setting. */
	@Bean
	NamedPlaces namedPlaces(BotProperties bot) {
		return PlacesFile.load(bot.placesFile());
	}

	/** Street addresses of scenes' points, when a geocoder is set; remembered per point. */
	@Bean
	ScenePlaces.AddressLookup addressLookup(BotProperties bot) {
		if (bot.geocoder() == null) {
			return ScenePlaces.AddressLookup.NONE;
		}
		var geocoder = new NominatimGeocoder(bot.geocoder(), bot.geocoderTimeout(), "Vigia rapid-response bot");
		return new CachedAddresses(geocoder::reverse);
	}

	@Bean
	Scenes scenes(RedisReportStore reports, NamedPlaces places, ScenePlaces.AddressLookup addresses,
			NeighborhoodDirectory neighborhoods) {
		return new Scenes(reports, new ScenePlaces(() -> places, addresses,
				point -> neighborhoods.lookup(point).found().map(org.vigia.core.neighborhood.Neighborhood::name)));
	}

	@Bean
	SceneTexts sceneTexts(Texts texts, BotProperties bot) {
		return new SceneTexts(texts, bot.zone());
	}

	@Bean
	Publisher publisher(Messenger messenger, Clock clock, SceneTexts words, Scenes scenes,
			NeighborhoodDirectory neighborhoods, RedisPostLedger ledger, BotProperties bot, RedisChatState chatState,
			Pseudonyms pseudonyms) {
		var publisher = new Publisher(messenger, clock, words, scenes, neighborhoods, ledger, bot.channelBufferMeters(), chatState);
		publisher.routeDrills(bot.drillChannel(), dispatchers(bot), languageOf(chatState, pseudonyms));
		return publisher;
	}

	@Bean
	PromptButtons promptButtons(RedisChatState state, Pseudonyms pseudonyms, Texts texts, VigiaSettings settings) {
		return new PromptButtons(state, pseudonyms, texts, settings);
	}

	@Bean
	ObserverPrompts observerPrompts(Replies replies, Scenes scenes, SceneTexts words, PromptButtons buttons,
			RedisObserverStore observers, RedisChatState state, RedisPromptLedger ledger, Clock clock) {
		return new ObserverPrompts(replies, scenes, words, buttons, observers, state, ledger, clock);
	}

	@Bean
	PromptRefresh promptRefresh(RedisIncidentStore incidents, ObserverPrompts prompts, Clock clock) {
		return new PromptRefresh(incidents, prompts, clock, PromptRefresh.DEFAULT_INTERVAL);
	}

	/** Observers' prompts follow their scene, each incident's at most once per PromptRefresh's interval. */
	@Bean
	Periodic promptEdits(PromptRefresh refresh) {
		return Periodic.every("vigia-prompt-edits", Duration.ofSeconds(1), refresh::flush);
	}

	@Bean
	DispatcherTexts dispatcherTexts(Scenes scenes, SceneTexts words, RedisObserverStore observers) {
		return new DispatcherTexts(scenes, words, observers);
	}

	@Bean
	Notifications notifications(ObserverPrompts prompts, PromptRefresh refresh, DispatcherTexts texts, Replies replies,
			RedisChatState state, Pseudonyms pseudonyms, BotProperties bot, Clock clock) {
		var warnings = new DispatcherWarnings(replies, texts, dispatchers(bot), languageOf(state, pseudonyms), clock);
		return new Notifications(prompts, refresh, warnings, state, replies);
	}

	@Bean
	PromptAnswers promptAnswers(Replies replies, RedisChatState state, RedisObserverStore observers,
			PromptButtons buttons, Verification verification) {
		return new PromptAnswers(replies, state, observers, buttons, verification);
	}

	@Bean
	DispatcherDesk dispatcherDesk(Replies replies, RedisChatState state, RedisIncidentStore incidents,
			DispatcherTexts texts, Verification verification, BotProperties bot, Clock clock) {
		return new DispatcherDesk(replies, state, incidents, texts, verification, dispatchers(bot), clock);
	}

	@Bean
	org.vigia.bot.drill.DrillDesk drillDesk(Replies replies, DispatcherDesk dispatchers, NeighborhoodDirectory neighborhoods,
			RedisIncidentStore incidents, RedisReportStore reports, RedisDeadlineSchedule schedule,
			org.vigia.store.RedisDrills drills, RedisObserverStore observers, VigiaSettings settings,
			Verification verification, BotProperties bot, Clock clock) {
		return new org.vigia.bot.drill.DrillDesk(replies, dispatchers, neighborhoods,
				new org.vigia.bot.drill.DrillDesk.Scenes(incidents, reports, schedule, drills, observers, settings),
				verification, new org.vigia.bot.drill.ScenePoints(new java.security.SecureRandom(), streets(bot)), clock,
				bot.zone());
	}

	/** Where a drill's scenes go on a street: the geocoder's nearest street, when one is set. */
	private static org.vigia.bot.drill.ScenePoints.Streets streets(BotProperties bot) {
		if (bot.geocoder() == null) {
			return org.vigia.bot.drill.ScenePoints.Streets.NONE;
		}
		return new NominatimGeocoder(bot.geocoder(), bot.geocoderTimeout(), "Vigia rapid-response bot")::street;
	}

	@Bean
	ObserverDesk observerDesk(Conversations conversations, Replies replies, RedisObserverStore observers,
			PromptAnswers answers, DispatcherDesk dispatchers, VigiaSettings settings, Clock clock, RedisChatState state,
			org.vigia.bot.dispatcher.SignalCaptcha captcha, org.vigia.bot.drill.DrillDesk drills,
			NeighborhoodDirectory neighborhoods) {
		return new ObserverDesk(new Joining(conversations, replies, observers, state, clock),
				new Duty(conversations, replies, observers, settings, neighborhoods), answers, dispatchers, captcha,
				drills);
	}

	/** Observers on duty in a neighborhood are told before their duty ends, with an option that renews it. */
	@Bean
	Periodic dutyReminders(RedisObserverStore observers, NeighborhoodDirectory neighborhoods, Replies replies,
			VigiaSettings settings, Clock clock) {
		var reminders = new org.vigia.bot.chat.DutyReminders(observers, neighborhoods, replies,
				settings.retention().onDutyPosition(), clock);
		return Periodic.every("vigia-duty-reminders", Duration.ofSeconds(10), reminders::remind);
	}

	@Bean
	Verification verification(RedisIncidentStore incidents, RedisObserverStore observers, RedisReportStore reports,
			RedisPostLedger posts, RedisPromptLedger prompts, RedisDeadlineSchedule schedule, RedisStats stats,
			Publisher publisher, Notifications notices, VigiaSettings settings, Clock clock,
			NeighborhoodDirectory neighborhoods) {
		// observers on duty in a neighborhood they named are found by its polygon (DutyInNeighborhoods)
		var onDuty = new org.vigia.bot.observer.DutyInNeighborhoods(observers, neighborhoods);
		var changes = new org.vigia.bot.incident.Changes(incidents);
		var deadlines = new org.vigia.bot.incident.Deadlines(schedule, settings);
		var publishing = new org.vigia.bot.incident.Publishing(changes, publisher, notices, deadlines, settings, clock);
		var outcomes = new org.vigia.bot.incident.Outcomes(changes, publishing, notices,
				new org.vigia.bot.incident.Retention(incidents, reports, posts, prompts, notices, settings), stats,
				settings, clock);
		var dispatching = new org.vigia.bot.incident.Dispatching(changes, onDuty,
				new org.vigia.bot.incident.Prompting(prompts, notices), notices, deadlines, settings, clock);
		var verdicts = new org.vigia.bot.incident.Verdicts(changes, onDuty, outcomes, settings, clock);
		return new Verification(changes, deadlines, dispatching, verdicts, outcomes, publishing, stats);
	}

	/** Finishes what a killed process left half-done, every {@code recovery-interval}. */
	@Bean
	Periodic recovery(RedisIncidentStore incidents, Verification verification, Clock clock, BotProperties bot) {
		var recovery = new org.vigia.bot.incident.Recovery(incidents, verification, clock, bot.recoveryGrace());
		return Periodic.every("vigia-recovery", bot.recoveryInterval(), recovery::sweep);
	}

	/**
	 * This process's heartbeat, every third of its TTL, so that what it claimed is left to it; removed on a
	 * clean stop so that another process may take over at once. Starts before the Telegram connection
	 * (phase Integer.MAX_VALUE - 100) and stops after it.
	 */
	@Bean
	Periodic heartbeat(org.vigia.store.RedisInstances instances) {
		return Periodic.startingWith("vigia-heartbeat", instances.ttl().dividedBy(3), instances::beat, instances::leave,
				Integer.MAX_VALUE - 200);
	}

	@Bean
	ReportIntake reportIntake(RedisReportStore reports, RedisIncidentAssigner assigner, RedisRateLimiter limiter,
			org.vigia.store.Replicas replicas, Clock clock, VigiaSettings settings) {
		var cached = new org.vigia.core.report.CachingRateLimiter(limiter, 100_000);
		// with Redis Sentinel, a resident is thanked once a replica holds the report too
		return new ReportIntake(reports, replicas.acknowledged(assigner), cached, clock, settings);
	}

	@Bean
	ReportSubmission reportSubmission(ReportIntake intake, Verification verification, Replies replies,
			RedisChatState state, Pseudonyms pseudonyms, Scenes scenes, SceneTexts words, RedisStats stats,
			VigiaSettings settings, BotProperties bot) {
		var dispatchers = new Dispatchers(replies, dispatchers(bot), languageOf(state, pseudonyms), scenes, words,
				settings.dispatch().widenedRadiusMeters());
		return new ReportSubmission(intake, verification, dispatchers, state, pseudonyms, stats, settings,
				replies.hotline(), bot.zone());
	}

	@Bean
	ResidentDesk residentDesk(Conversations conversations, Replies replies, NeighborhoodDirectory neighborhoods,
			NeighborhoodDirectory.Geocoding geocoding, ReportSubmission submission, RedisChatState state,
			VigiaSettings settings, Clock clock) {
		var photos = new PhotoIntake(replies.messenger(), new PhotoSanitizer(PhotoSanitizer.Limits.DEFAULTS), state,
				settings);
		return new ResidentDesk(conversations, replies, neighborhoods.places(geocoding), submission, photos, clock);
	}

	@Bean
	RumorCheck rumorCheck(Conversations conversations, Replies replies, RedisIncidentStore incidents,
			NeighborhoodDirectory neighborhoods, Scenes scenes, SceneTexts words, VigiaSettings settings) {
		return new RumorCheck(conversations, replies, incidents, neighborhoods, scenes, words,
				settings.retention().afterClose());
	}

	@Bean
	ChatRouter chatRouter(Conversations conversations, Replies replies, ResidentDesk residents, RumorCheck rumors,
			ObserverDesk observers, RedisChatState state, Pseudonyms pseudonyms,
			org.springframework.beans.factory.ObjectProvider<org.vigia.bot.chat.Desk> desks) {
		return new ChatRouter(conversations, replies, residents, rumors, observers, state, pseudonyms,
				desks.orderedStream().toList());
	}

	@Bean
	org.vigia.store.RedisCommandStream commandStream(org.springframework.data.redis.core.StringRedisTemplate redis,
			RedisKeys keys, org.vigia.store.RedisInstances instances) {
		return new org.vigia.store.RedisCommandStream(redis, keys, instances);
	}

	@Bean
	org.vigia.bot.command.CommandConsumer commandConsumer(org.vigia.store.RedisCommandStream stream,
			Verification verification, Messenger messenger, NeighborhoodDirectory neighborhoods,
			RedisIncidentStore incidents, Clock clock, org.vigia.bot.accompany.AccompanyCommands accompany,
			org.vigia.bot.dispatcher.SignalCaptcha captcha, org.vigia.bot.drill.DrillCommands drills) {
		org.vigia.bot.command.CommandRoutes.Handler accompaniment = (type, command, again) -> {
			var result = accompany.carryOut(type, command, again);
			return new org.vigia.bot.command.CommandRoutes.Result(result.done(), result.detail());
		};
		var routes = new org.vigia.bot.command.CommandRoutes(java.util.Map.of(
				org.vigia.bot.accompany.AccompanyCommands.ASSIGN, accompaniment,
				org.vigia.bot.accompany.AccompanyCommands.CLOSE_CASE, accompaniment,
				org.vigia.bot.drill.DrillCommands.START, drills));
		return new org.vigia.bot.command.CommandConsumer(stream, verification, messenger, neighborhoods, incidents, clock,
				routes, captcha);
	}

	@Bean
	org.vigia.bot.drill.DrillCommands drillCommands(org.vigia.bot.drill.DrillDesk desk, RedisObserverStore observers,
			org.vigia.store.RedisDrills drills) {
		return new org.vigia.bot.drill.DrillCommands(desk, observers, drills);
	}

	/** Deleted and expired data leaves Redis's files on disk within one interval (SECURITY.md). */
	@Bean
	Periodic diskRewrites(org.vigia.store.DiskRewrite rewrite, org.vigia.store.RedisSettings redis) {
		return Periodic.every("vigia-disk-rewrite", redis.rewriteEvery(), rewrite::run);
	}

	@Bean
	Periodic deadlines(RedisDeadlineSchedule schedule, Verification verification, org.vigia.bot.drill.DrillDesk drills) {
		return Periodic.every("vigia-deadlines", Duration.ofSeconds(1), new DeadlineTicker(schedule, verification, drills)::tick);
	}

}
