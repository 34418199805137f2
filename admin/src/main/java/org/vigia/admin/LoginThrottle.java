package org.vigia.admin;

import java.io.IOException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Locks the login of a username from an address after too many failures (5 in 15 minutes by default):
 * while locked, even the right password is refused, so guessing gains nothing. Counts live in memory
 * (Caffeine), per console instance.
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {

	private final Cache<String, Integer> failures;

	private final int maxFailures;

	LoginThrottle(AdminProperties properties) {
		this.maxFailures = properties.maxFailures();
		this.failures = Caffeine.newBuilder().expireAfterWrite(properties.lockout()).maximumSize(100_000).build();
	}

	/** A failed login: counted, then back to the form. */
	void failed(HttpServletRequest request, HttpServletResponse response) throws IOException {
		failures.asMap().merge(key(String.valueOf(request.getParameter("username")), request.getRemoteAddr()), 1,
				Integer::sum);
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	/** A successful login forgets the failures. */
	void succeeded(HttpServletRequest request, HttpServletResponse response, String username) throws IOException {
		failures.invalidate(key(username, request.getRemoteAddr()));
		response.sendRedirect(request.getContextPath() + "/incidents");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI())) {
			Integer count = failures.getIfPresent(key(String.valueOf(request.getParameter("username")),
					request.getRemoteAddr()));
			if (count != null && count >= maxFailures) {
				response.sendRedirect(request.getContextPath() + "/login?locked");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static String key(String username, String address) {
		return username + "|" + address;
	}

}
