package org.vigia.bot.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;

import okhttp3.OkHttpClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.vigia.bot.channel.Publisher;
import org.vigia.bot.chat.ChatRouter;
import org.vigia.bot.chat.Conversations;
import org.vigia.bot.chat.ObserverDesk;
import org.vigia.bot.chat.Replies;
import org.vigia.bot.chat.ResidentDesk;
import org.vigia.bot.chat.Texts;
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
import org.vigia.bot.telegram.Outbox;
import org.vigia.bot.telegram.TelegramConnection;
import org.vigia.bot.telegram.TelegramProperties;
import org.vigia.bot.telegram.UpdateIntake;
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
	Replies replies(Outbox outbox, Texts texts, BotProperties bot) {
		return new Replies(outbox, texts, bot.hotline());
	}

	@Bean
	Conversations conversations(RedisConversationStore store) {
		return new Conversations(store);
	}

	@Bean
	RedisChatState chatState(org.springframework.data.redis.core.StringRedisTemplate redis, RedisKeys keys) {
		return new RedisChatState(redis, keys);
	}

	@Bean
	NeighborhoodDirectory neighborhoodDirectory(RedisNeighborhoodText text, BotProperties bot) {
		return new NeighborhoodDirectory(text, bot.neighborhoodsFile());
	}

	@Bean
	NeighborhoodDirectory.Geocoding geocoding(BotProperties bot) {
		if (bot.geocoder() == null) {
			return new NeighborhoodDirectory.Geocoding() {

				@Override
				public boolean enabled() {
					return false;
				}

				@Override
				public Optional<GeoPoint> geocode(String text, double[] bounds) {
					return Optional.empty();
				}

			};
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

	@Bean
	Publisher publisher(Outbox outbox, Texts texts, NeighborhoodDirectory neighborhoods, RedisPostLedger ledger,
			RedisReportStore reports, BotProperties bot, RedisChatState chatState) {
		return new Publisher(outbox, texts, neighborhoods, ledger, reports, bot.zone(), bot.channelBufferMeters(),
				chatState);
	}

	@Bean
	ObserverDesk observerDesk(Conversations conversations, Replies replies, RedisObserverStore observers,
			RedisChatState state, RedisIncidentStore incidents, RedisReportStore reports,
			NeighborhoodDirectory neighborhoods, Publisher publisher, BotProperties bot, VigiaSettings settings,
			Clock clock) {
		return new ObserverDesk(conversations, replies, observers, state, incidents, reports, neighborhoods, publisher,
				new HashSet<>(bot.dispatchers()), settings, clock);
	}

	@Bean
	Verification verification(RedisIncidentStore incidents, RedisObserverStore observers, RedisReportStore reports,
			RedisPostLedger posts, org.vigia.store.RedisPromptLedger prompts, RedisDeadlineSchedule schedule,
			RedisStats stats, Publisher publisher, ObserverDesk desk, VigiaSettings settings, Clock clock) {
		var verification = new Verification(incidents, observers, reports, posts, prompts, schedule, stats, publisher,
				desk, settings, clock);
		desk.verification(verification);
		return verification;
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
			Clock clock, VigiaSettings settings) {
		var cached = new org.vigia.core.report.CachingRateLimiter(limiter, settings.rateLimit().burstWindow(), 100_000);
		return new ReportIntake(reports, assigner, cached, clock, settings);
	}

	@Bean
	ResidentDesk residentDesk(Conversations conversations, Replies replies, NeighborhoodDirectory neighborhoods,
			NeighborhoodDirectory.Geocoding geocoding, ReportIntake intake, Verification verification,
			RedisChatState state, RedisIncidentStore incidents, Pseudonyms pseudonyms,
			org.vigia.bot.telegram.TelegramFiles files, VigiaSettings settings, BotProperties bot, RedisStats stats) {
		return new ResidentDesk(conversations, replies, neighborhoods.places(geocoding), intake, verification, state,
				incidents, pseudonyms, new PhotoSanitizer(PhotoSanitizer.Limits.DEFAULTS), files, settings,
				bot.zone(), stats);
	}

	@Bean
	ChatRouter chatRouter(Conversations conversations, Replies replies, ResidentDesk residents, ObserverDesk observers,
			RedisChatState state, Pseudonyms pseudonyms) {
		return new ChatRouter(conversations, replies, residents, observers, state, pseudonyms);
	}

	@Bean
	UpdateIntake updateIntake(ChatRouter router, RedisUpdateLedger ledger, TelegramProperties telegram, Replies replies) {
		return new UpdateIntake(router, ledger, telegram.workers(), new org.vigia.bot.chat.BusyReply(replies));
	}

	@Bean
	TelegramConnection telegramConnection(TelegramProperties properties, TelegramUrl url, TelegramClient client,
			OkHttpClient http, UpdateIntake intake) {
		return new TelegramConnection(properties, url, client, http, intake);
	}

	@Bean
	org.vigia.bot.command.CommandConsumer commandConsumer(org.springframework.data.redis.core.StringRedisTemplate redis,
			RedisKeys keys, Verification verification, Outbox outbox, RedisChatState state,
			NeighborhoodDirectory neighborhoods, Clock clock) {
		return new org.vigia.bot.command.CommandConsumer(redis, keys.prefix(), verification, outbox, state, neighborhoods,
				clock);
	}

	@Bean
	org.vigia.bot.chat.CommandMenu commandMenu(Outbox outbox, Texts texts) {
		return new org.vigia.bot.chat.CommandMenu(outbox, texts);
	}

	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void menu(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
		var telegram = ready.getApplicationContext().getBean(TelegramProperties.class);
		if (telegram.connect()) {
			ready.getApplicationContext().getBean(org.vigia.bot.chat.CommandMenu.class).publish();
		}
	}

	@Bean
	Periodic deadlines(RedisDeadlineSchedule schedule, Verification verification) {
		return Periodic.every("vigia-deadlines", Duration.ofSeconds(1), new DeadlineTicker(schedule, verification)::tick);
	}

}
