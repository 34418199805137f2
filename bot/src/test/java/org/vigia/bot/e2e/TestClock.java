package org.vigia.bot.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A clock the test moves by hand, given to a bot before it starts ({@link #install()}): deadlines, retention
 * and every timestamp the bot writes follow it, so a test advances hours instead of waiting for them. Redis
 * keeps its own time: TTLs still run on the wall clock. Thread-safe.
 */
public final class TestClock extends Clock {

	private volatile Instant now;

	public TestClock(Instant start) {
		this.now = start;
	}

	public void advance(Duration by) {
		now = now.plus(by);
	}

	/** Makes this the bot's clock (its own is used only when none was given). */
	public ApplicationContextInitializer<ConfigurableApplicationContext> install() {
		return context -> context.getBeanFactory().registerSingleton("clock", this);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
