package org.vigia.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an account that was disabled or reset while signed in, at its next request, instead
 * of letting it run until the session expires. While Redis is unreachable the check is skipped: the
 * pages say so, and nobody signed in is thrown out by an outage.
 */
class AccountCheck extends OncePerRequestFilter {

	private final Accounts accounts;

	AccountCheck(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && request.getSession(false) != null
				&& !"anonymousUser".equals(auth.getPrincipal())) {
			boolean active;
			try {
				active = accounts.active(auth.getName());
			}
			catch (RuntimeException ex) {
				active = true;
			}
			if (!active) {
				request.getSession().invalidate();
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + "/login?disabled");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
