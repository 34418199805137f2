package org.vigia.bot.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import org.vigia.bot.messages.Texts;
import org.vigia.core.messaging.InboundHandler;
import org.vigia.store.RedisUpdateLedger;

/**
 * The Telegram client and the outbox, built from our own settings (never from library defaults). Telegram runs
 * when TELEGRAM_BOT_TOKEN is set, and also when nothing else is (then the missing token stops the bot with a
 * clear message); with Signal alone (SIGNAL_CLI_URL set, no token) none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${vigia.telegram.token:}'.trim() != '' or '${vigia.signal.url:}'.trim() == ''")
class TelegramConfig {

	/**
	 * The {@code telegram} part of {@code /actuator/health}: DOWN while the bot should be connected (polling or
	 * its webhook) and is not; OUT_OF_SERVICE, with the reason as its description, while Telegram's Bot API does
	 * not answer ({@link TelegramReach}): Telegram is away, not this process, so a restart cannot help, and the
	 * health endpoint still answers 200 for it (application.yml), which keeps Docker from restarting a bot that
	 * serves Signal. Details: how updates arrive, and how many messages were given up.
	 */
	@Bean
	HealthIndicator telegram(TelegramProperties properties, TelegramConnection connection, Outbox outbox,
			TelegramReach reach) {
		return () -> {
			String mode = !properties.connect() ? "off" : properties.webhook() ? "webhook" : "polling";
			Health.Builder health;
			if (!properties.connect()) {
				health = Health.up();
			}
			else if (!connection.isRunning()) {
				health = Health.down();
			}
			else {
				health = reach.problem()
					.map(problem -> Health.status(new Status(Status.OUT_OF_SERVICE.getCode(), problem)))
					.orElseGet(Health::up);
			}
			return health.withDetail("updates", mode).withDetail("messagesGivenUp", outbox.givenUp()).build();
		};
	}

	/**
	 * What the Bot API's answers say: with long polling, a poll takes at most its timeout, and one that hangs fails
	 * after its read timeout (the poll's plus 15 s), so longer than that and a backoff without an answer is an
	 * outage; with a webhook, the getMe probe's period and the request timeout.
	 */
	@Bean
	TelegramReach telegramReach(TelegramProperties properties, Clock clock) {
		Duration window = properties.webhook()
				? TelegramReach.PROBE_EVERY.plus(properties.requestTimeout()).plusSeconds(15)
				: properties.pollTimeout().plusSeconds(15).plus(properties.pollBackoffCap()).plusSeconds(15);
		return new TelegramReach(clock, window);
	}

	@Bean
	TelegramUrl telegramUrl(TelegramProperties properties) {
		if (properties.token().isEmpty()) {
			throw new MissingTokenException();
		}
		var url = properties.apiUrl();
		int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
		return new TelegramUrl(url.getScheme(), url.getHost(), port, false);
	}

	/** The HTTP client of long polling: a getUpdates call may wait the whole poll timeout for updates. */
	@Bean(destroyMethod = "")
	OkHttpClient telegramHttp(TelegramProperties properties) {
		return http(properties.pollTimeout().toSeconds());
	}

	/**
	 * OkHttp queues calls beyond 5 per host and releases them in bursts, which would break the outbox's
	 * even pacing: allow enough concurrent calls that none wait in OkHttp.
	 */
	static OkHttpClient http(long pollSeconds) {
		var dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(128);
		dispatcher.setMaxRequestsPerHost(64);
		return new OkHttpClient.Builder().dispatcher(dispatcher)
			.connectTimeout(10, TimeUnit.SECONDS)
			.readTimeout(pollSeconds + 15, TimeUnit.SECONDS)
			.writeTimeout(30, TimeUnit.SECONDS)
			.build();
	}

	/**
	 * The HTTP client of every other call (sharing the polling client's connections and threads): a call
	 * that takes longer than the request timeout is cancelled, so that a Telegram that hangs costs no more
	 * than that, and the outbox can try again.
	 */
	static OkHttpClient sending(OkHttpClient polling, Duration timeout) {
		return polling.newBuilder()
			.callTimeout(timeout)
			.readTimeout(timeout)
			.addInterceptor(new ErrorBodies())
			.build();
	}

	@Bean
	TelegramClient telegramClient(OkHttpClient http, TelegramProperties properties, TelegramUrl url) {
		return new OkHttpTelegramClient(sending(http, properties.requestTimeout()), properties.token(), url);
	}

	@Bean(destroyMethod = "close")
	Outbox outbox(TelegramClient client, TelegramProperties properties) {
		var limits = new Outbox.Limits(properties.perSecond(), properties.privateInterval(), properties.privateBurst(),
				properties.groupInterval(), properties.giveUpAfter(), properties.requestTimeout());
		return new Outbox(client, limits);
	}

	/** The messaging port, on Telegram. */
	@Bean
	TelegramMessenger telegramMessenger(Outbox outbox, TelegramFiles files, Clock clock) {
		return new TelegramMessenger(outbox, files, clock);
	}

	/** Updates, as the conversation engine's inputs. */
	@Bean
	TelegramInbound telegramInbound(InboundHandler engine) {
		return new TelegramInbound(engine);
	}

	@Bean
	UpdateIntake updateIntake(TelegramInbound inbound, RedisUpdateLedger ledger, TelegramProperties telegram) {
		return new UpdateIntake(inbound, ledger, telegram.workers(), inbound);
	}

	@Bean
	TelegramConnection telegramConnection(TelegramProperties properties, TelegramUrl url, TelegramClient client,
			OkHttpClient http, UpdateIntake intake, TelegramReach reach) {
		return new TelegramConnection(properties, url, client, http, intake, reach);
	}

	@Bean
	CommandMenu commandMenu(Outbox outbox, Texts texts) {
		return new CommandMenu(outbox, (command, language) -> texts.render("menu." + command, language));
	}

	/** The command menu, once the bot is up and connected. */
	@EventListener(ApplicationReadyEvent.class)
	void menu(ApplicationReadyEvent ready) {
		var telegram = ready.getApplicationContext().getBean(TelegramProperties.class);
		if (telegram.connect()) {
			ready.getApplicationContext().getBean(CommandMenu.class).publish();
		}
	}

	@Bean
	TelegramFiles telegramFiles(TelegramClient client, OkHttpClient http, TelegramUrl url, TelegramProperties properties) {
		return new TelegramFiles(client, http, url, properties.token(), properties.requestTimeout());
	}

	/**
	 * The client library reads every answer as the Bot API's JSON, whatever its HTTP status. A proxy's error
	 * page or an empty 502 would then look like an unreadable answer, which the outbox must not retry (a 2xx
	 * it cannot read was probably carried out). This turns an HTTP error whose body is not the Bot API's
	 * JSON into the Bot API's error shape with the real status, so it is retried as the server error it is.
	 */
	static final class ErrorBodies implements Interceptor {

		private static final MediaType JSON = MediaType.get("application/json");

		@Override
		public Response intercept(Chain chain) throws IOException {
			Response response = chain.proceed(chain.request());
			if (response.isSuccessful() || !chain.request().url().encodedPath().startsWith("/bot")) {
				return response;
			}
			String body = response.peekBody(64 * 1024).string().strip();
			if (body.startsWith("{") && body.contains("\"ok\"")) {
				return response;
			}
			response.close();
			String error = "{\"ok\":false,\"error_code\":" + response.code() + ",\"description\":\"HTTP " + response.code()
					+ "\"}";
			return response.newBuilder().body(ResponseBody.create(error, JSON)).build();
		}

	}

}
