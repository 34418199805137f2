package org.vigia.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing without letting anyone lock a dispatcher out. Failures are counted per username
 * <em>and</em> client address ({@link ClientAddress}: the socket address, or the forwarded one behind a
 * trusted proxy). After {@code maxFailures} failures that pair has to wait before it may try again: 30 s,
 * doubling with each further failure, at most {@code lockout}; while it waits, its attempts are not even
 * checked. The same user from another address is never delayed by it, so an attacker who fails on purpose
 * delays only themselves, and the right password and second factor from the dispatcher's own address
 * always sign in. A login that failed because Redis was unreachable is not a failure of the person: it is
 * not counted and is answered as an outage. Counts live in memory (Caffeine), per console instance.
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {

	static final Duration FIRST_WAIT = Duration.ofSeconds(30);

	private record Failures(int count, Instant waitUntil) {
	}

	private final Cache<String, Failures> failures;

	private final int maxFailures;

	private final Duration longestWait;

	private final ClientAddress addresses;

	private final Clock clock;

	LoginThrottle(AdminProperties properties, ClientAddress addresses, Clock clock) {
		this.maxFailures = properties.maxFailures();
		this.longestWait = properties.lockout();
		this.addresses = addresses;
		this.clock = clock;
		this.failures = Caffeine.newBuilder().expireAfterWrite(properties.lockout().plus(longestWait))
			.maximumSize(100_000)
			.build();
	}

	/** A failed login: counted (unless the store failed, not the person), then back to the form. */
	void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException error)
			throws IOException {
		if (error instanceof InternalAuthenticationServiceException) {
			response.sendRedirect(request.getContextPath() + "/login?unavailable");
			return;
		}
		failures.asMap().compute(key(request), (k, before) -> {
			int count = before == null ? 1 : before.count() + 1;
			Instant waitUntil = count < maxFailures ? null : clock.instant().plus(wait(count));
			return new Failures(count, waitUntil);
		});
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	private Duration wait(int count) {
		int doublings = Math.min(count - maxFailures, 20);
		Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
		return wait.compareTo(longestWait) > 0 ? longestWait : wait;
	}

	/** A successful login forgets the failures of this user from this address. */
	void succeeded(HttpServletRequest request, HttpServletResponse response, String username) throws IOException {
		failures.invalidate(key(username, addresses.of(request)));
		response.sendRedirect(request.getContextPath() + "/incidents");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI())) {
			Failures known = failures.getIfPresent(key(request));
			if (known != null && known.waitUntil() != null && clock.instant().isBefore(known.waitUntil())) {
				response.sendRedirect(request.getContextPath() + "/login?locked");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private String key(HttpServletRequest request) {
		return key(String.valueOf(request.getParameter("username")), addresses.of(request));
	}

	private static String key(String username, String address) {
		return username.strip().toLowerCase(java.util.Locale.ROOT) + "|" + address;
	}

}
