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
			.requestMatchers("/neighborhoods/**", "/audit/**", "/accounts/**")
			.hasRole("ADMIN")
			.requestMatchers("/incidents/**", "/observers/**", "/", "/map/**", "/events", "/webjars/**", "/js/**",
					"/vendor/**", "/account/**", "/stats/**", "/photos/**")
			.hasAnyRole("ADMIN", "DISPATCHER")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(TotpLogin.Details::new)
				.successHandler((request, response, auth) -> throttle.succeeded(request, response, auth.getName()))
				.failureHandler(throttle::failed)
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new AccountCheck(accounts), AnonymousAuthenticationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp
				.policyDirectives("default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; "
						+ "worker-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

}
