package org.vigia.bot.telegram;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;
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
 * request; {@link WebhookGuard} refuses any POST without it, or with another, with 401 before the body is
 * read, and this controller checks it again where the update is accepted (401), so that no filter mapping,
 * however a URL is spelled, stands between an update and its check. Only the path exactly as registered is
 * served: a spelling the servlet container or Spring would normalize to it (a path parameter, percent-encoding,
 * {@code /./}, a double slash) is answered 404 even with the secret, since Telegram never sends one. The body
 * is read one update at a time like long polling's ({@link TolerantGetUpdates#read}), with the library's
 * Jackson 2 mapper (Spring Boot's own is Jackson 3).
 */
@RestController
@ConditionalOnExpression("'${vigia.telegram.webhook-url:}' != ''")
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	/** Telegram waits about a minute for an answer; an update normally takes milliseconds. */
	static final Duration HANDLING_WAIT = Duration.ofSeconds(10);

	private final UpdateIntake intake;

	private final WebhookSecret secret;

	private final String path;

	WebhookController(UpdateIntake intake, TelegramProperties properties) {
		this.intake = intake;
		this.secret = new WebhookSecret(properties.webhookSecret());
		this.path = properties.webhookPath();
	}

	/** The body's size was checked by {@link WebhookGuard} before the body was read. */
	@PostMapping("${vigia.telegram.webhook-path:/telegram/webhook}")
	ResponseEntity<Void> receive(@RequestHeader(name = WebhookSecret.HEADER, required = false) String token,
			HttpServletRequest request, @RequestBody(required = false) byte[] body) {
		if (!secret.matches(token)) {
			return ResponseEntity.status(401).build();
		}
		if (!path.equals(request.getRequestURI())) {
			return ResponseEntity.notFound().build();
		}
		TolerantGetUpdates.Read read;
		try {
			read = TolerantGetUpdates.read(body == null ? null : TelegramConnection.JSON.readTree(body));
		}
		catch (Exception ex) {
			return ResponseEntity.badRequest().build();
		}
		if (read == null) {
			return ResponseEntity.badRequest().build();
		}
		if (read.blanked()) {
			// nobody can be answered for it: confirm it, so that Telegram does not send it again and again
			log.warn("Skipped an update that could not be read");
		}
		Update update = read.update();
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
