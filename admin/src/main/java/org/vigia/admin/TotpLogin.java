package org.vigia.admin;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password, then, for accounts that set one up, the code of their authenticator app (RFC 6238). A wrong or
 * missing code fails the login like a wrong password, and counts towards the lockout.
 */
final class TotpLogin extends DaoAuthenticationProvider {

	/** The login form's details, with the one-time code. */
	static final class Details extends WebAuthenticationDetails {

		private final String code;

		Details(HttpServletRequest request) {
			super(request);
			this.code = request.getParameter("code");
		}

		String code() {
			return code;
		}

	}

	private final Accounts accounts;

	private final Clock clock;

	TotpLogin(Accounts accounts, PasswordEncoder encoder, Clock clock) {
		super(accounts);
		setPasswordEncoder(encoder);
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
			throws AuthenticationException {
		super.additionalAuthenticationChecks(user, authentication);
		String secret;
		try {
			secret = accounts.totpSecret(user.getUsername());
		}
		catch (RuntimeException ex) {
			// Redis unreachable or the key cannot open the secret: not the person's fault, not a failure
			throw new org.springframework.security.authentication.InternalAuthenticationServiceException(
					"second factor unavailable", ex);
		}
		if (secret == null) {
			return;
		}
		String code = authentication.getDetails() instanceof Details d ? d.code() : null;
		if (!Totp.verify(secret, code, clock.instant())) {
			throw new BadCredentialsException("wrong or missing one-time code");
		}
	}

}
