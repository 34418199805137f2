package org.vigia.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

import static org.assertj.core.api.Assertions.assertThat;

/** The waits of a user and address after failures, on a clock the test moves. */
class LoginThrottleTests {

	Instant now = Instant.parse("2026-03-01T10:00:00Z");

	final Clock clock = new Clock() {
		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	final AdminProperties properties = new AdminProperties("", "", 5, Duration.ofMinutes(15), List.of(), "",
			Duration.ofHours(48), "UTC");

	final LoginThrottle throttle = new LoginThrottle(properties, new ClientAddress(properties), clock);

	MockHttpServletRequest attempt(String user) {
		var request = new MockHttpServletRequest("POST", "/login");
		request.setParameter("username", user);
		request.setRemoteAddr("203.0.113.5");
		return request;
	}

	/** Whether an attempt now gets through to the password check. */
	boolean admitted(String user) throws Exception {
		var chain = new MockFilterChain();
		throttle.doFilter(attempt(user), new MockHttpServletResponse(), chain);
		return chain.getRequest() != null;
	}

	void fail(String user) throws Exception {
		throttle.failed(attempt(user), new MockHttpServletResponse(), new BadCredentialsException("wrong"));
	}

	@Test
	void afterFiveFailuresThePairWaitsThirtySecondsThenTwiceAsLongAfterEachFurtherFailure() throws Exception {
		for (int i = 0; i < 4; i++) {
			fail("ines");
			assertThat(admitted("ines")).as("after failure %d", i + 1).isTrue();
		}
		fail("ines");
		assertThat(admitted("ines")).isFalse();
		now = now.plusSeconds(29);
		assertThat(admitted("ines")).isFalse();
		now = now.plusSeconds(1);
		assertThat(admitted("ines")).isTrue();

		fail("ines");
		now = now.plusSeconds(59);
		assertThat(admitted("ines")).isFalse();
		now = now.plusSeconds(1);
		assertThat(admitted("ines")).isTrue();
	}

	@Test
	void theWaitNeverExceedsTheLockoutSetting() throws Exception {
		for (int i = 0; i < 30; i++) {
			fail("juan");
		}
		now = now.plus(Duration.ofMinutes(15));
		assertThat(admitted("juan")).isTrue();
	}

	@Test
	void aLoginThatFailedBecauseRedisWasUnreachableIsNotCountedAndSaysSo() throws Exception {
		for (int i = 0; i < 10; i++) {
			var response = new MockHttpServletResponse();
			throttle.failed(attempt("kike"), response, new InternalAuthenticationServiceException("Redis down"));
			assertThat(response.getRedirectedUrl()).isEqualTo("/login?unavailable");
		}
		assertThat(admitted("kike")).isTrue();
	}

}
