package org.vigia.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Form login, CSRF on (Spring Security's default), roles: ADMIN for everything, DISPATCHER for incidents
 * and observers' duty. The session cookie is HttpOnly, SameSite=Strict and Secure (application.yml).
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
	SecurityFilterChain console(HttpSecurity http, LoginThrottle throttle, TotpLogin login) throws Exception {
		http.authenticationProvider(login);
		http.authorizeHttpRequests(auth -> auth.requestMatchers("/login", "/css/**", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/neighborhoods/**", "/audit/**", "/stats", "/observers/invite", "/observers/*/lead",
					"/observers/*/member", "/observers/*/revoke")
			.hasRole("ADMIN")
			.requestMatchers("/incidents/**", "/observers/**", "/", "/map/**", "/events", "/webjars/**", "/js/**",
					"/account/**")
			.hasAnyRole("ADMIN", "DISPATCHER")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(TotpLogin.Details::new)
				.successHandler((request, response, auth) -> throttle.succeeded(request, response, auth.getName()))
				.failureHandler((request, response, error) -> throttle.failed(request, response))
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp
				.policyDirectives("default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
						+ "frame-ancestors 'none'")));
		return http.build();
	}

}
