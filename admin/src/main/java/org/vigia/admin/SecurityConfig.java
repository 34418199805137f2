package org.vigia.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Form login, CSRF on (Spring Security's default), two roles. DISPATCHER: incidents and their actions,
 * observers (invite codes, lead, revoke), stats, their own account. ADMIN: all of that, plus
 * neighborhoods and channels, console accounts and the audit log. A setup link ({@code /welcome/…}) is
 * open to whoever holds it, once. The session cookie is HttpOnly, SameSite=Strict and Secure
 * (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	TotpLogin totpLogin(Accounts accounts, PasswordEncoder encoder, java.time.Clock clock) {
		return new TotpLogin(accounts, encoder, clock);
	}

	@Bean
	SecurityFilterChain console(HttpSecurity http, LoginThrottle throttle, TotpLogin login, Accounts accounts)
			throws Exception {
		http.authenticationProvider(login);
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/actuator/health/**", "/welcome/**", "/error", "/status.json")
			.permitAll()
			.requestMatchers("/neighborhoods/**", "/audit/**", "/accounts/**", "/signal-captcha/**")
			.hasRole("ADMIN")
			.requestMatchers("/incidents/**", "/observers/**", "/", "/map/**", "/events", "/webjars/**", "/js/**",
					"/vendor/**", "/account/**", "/stats/**", "/drills/**", "/photos/**", "/commands/**", "/appointments/**", "/cases/**",
					"/accompaniers/**")
			.hasAnyRole("ADMIN", "DISPATCHER")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(TotpLogin.Details::new)
				.successHandler((request, response, auth) -> throttle.succeeded(request, response, auth.getName()))
				.failureHandler(throttle::failed)
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityConfig::signInFirst)
				.accessDeniedHandler(SecurityConfig::denied))
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new AccountCheck(accounts), AnonymousAuthenticationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp
				.policyDirectives("default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; "
						+ "worker-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * A page asked without a session goes to the login (and back after it); a form sent after the session
	 * expired is not done, and the login page says so instead of dropping it silently.
	 */
	private static void signInFirst(jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response,
			org.springframework.security.core.AuthenticationException error) throws java.io.IOException {
		if ("GET".equals(request.getMethod())) {
			new org.springframework.security.web.savedrequest.HttpSessionRequestCache().saveRequest(request, response);
			response.sendRedirect(request.getContextPath() + "/login");
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?expired");
		}
	}

	/**
	 * A form sent with a session cookie whose session is gone (and so its CSRF token) counts as expired;
	 * anything else, a forged form included, is forbidden.
	 */
	private static void denied(jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException error)
			throws java.io.IOException, jakarta.servlet.ServletException {
		boolean sessionGone = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
		if (sessionGone && error instanceof org.springframework.security.web.csrf.CsrfException) {
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		response.sendError(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
	}

}
