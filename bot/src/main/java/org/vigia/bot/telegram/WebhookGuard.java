package org.vigia.bot.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the webhook: a request without Telegram's secret is refused with 401 before a byte of its body
 * is read, and a body larger than {@link #MAX_BODY} is refused with 413, whether it declares its length or
 * streams it in chunks.
 *
 * <p>Which requests: every POST, whatever its path. The bot serves no other POST, and the path a request
 * spells is not the path Spring routes ({@code /telegram/webhook;x}, {@code /telegram/%77ebhook}, {@code
 * /telegram/./webhook} all reach the webhook), so deciding by the spelling let a forged update through without
 * the secret. The controller checks the secret again where the update is accepted ({@link WebhookSecret}).
 *
 * <p>Why a filter: Spring reads a {@code @RequestBody} completely before the controller method runs, so the
 * controller's own check of the secret came after an anonymous sender could make the bot hold a body of any size
 * in memory. Telegram's updates are a few kilobytes (a message holds at most 4 096 characters); 1 MB is far
 * beyond any of them. Refusals are not logged: under a flood that would be one line per request.
 */
@Component
@ConditionalOnExpression("'${vigia.telegram.webhook-url:}' != ''")
class WebhookGuard extends OncePerRequestFilter {

	static final int MAX_BODY = 1024 * 1024;

	private final WebhookSecret secret;

	WebhookGuard(TelegramProperties properties) {
		this.secret = new WebhookSecret(properties.webhookSecret());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equalsIgnoreCase(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!secret.matches(request.getHeader(WebhookSecret.HEADER))) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		chain.doFilter(new Read(request, body), response);
	}

	/** The request with its body already read (and capped). */
	private static final class Read extends HttpServletRequestWrapper {

		private final byte[] body;

		Read(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
