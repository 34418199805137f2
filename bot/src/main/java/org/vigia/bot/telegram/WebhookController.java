package org.vigia.bot.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives updates in webhook mode. Telegram sends the secret given at setWebhook in a header with every
 * request; anything without it, or with another, is refused with 401 before the body is read as an
 * update. The body is bound with the library's Jackson 2 mapper (Spring Boot's own is Jackson 3).
 */
@RestController
@ConditionalOnExpression("'${vigia.telegram.webhook-url:}' != ''")
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	/** Telegram waits about a minute for an answer; an update normally takes milliseconds. */
	static final Duration HANDLING_WAIT = Duration.ofSeconds(10);

	private final byte[] secret;

	private final UpdateIntake intake;

	WebhookController(TelegramProperties properties, UpdateIntake intake) {
		this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
		this.intake = intake;
	}

	@PostMapping("${vigia.telegram.webhook-path:/telegram/webhook}")
	ResponseEntity<Void> receive(@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String token,
			@RequestBody(required = false) byte[] body) {
		if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
			log.warn("Refused a webhook request without the right secret");
			return ResponseEntity.status(401).build();
		}
		Update update;
		try {
			update = TelegramConnection.JSON.readValue(body, Update.class);
		}
		catch (Exception ex) {
			return ResponseEntity.badRequest().build();
		}
		if (update == null || update.getUpdateId() == null) {
			return ResponseEntity.badRequest().build();
		}
		// answer once the update is handled, so that Telegram delivers it again if this process dies first
		try {
			intake.submit(update).get(HANDLING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			log.warn("An update is taking over {} s; answered Telegram, it goes on", HANDLING_WAIT.toSeconds());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ResponseEntity.status(503).build();
		}
		catch (ExecutionException ex) {
			// each update catches its own failures; nothing else can fail here
		}
		return ResponseEntity.ok().build();
	}

}
