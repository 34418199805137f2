package org.vigia.bot.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps what telegrambots logs about a failure free of what people sent.
 *
 * <p>Why: when the Bot API answers something the library cannot read, it logs the parser's exception, and
 * Jackson's messages quote the offending value: a name, a phone number, exact coordinates (found by
 * {@code HostileInputTests} with the privacy scan). DESIGN.md forbids those in logs. Every line a
 * {@code org.telegram} logger writes with a throwable is therefore replaced by one from this class's logger, at
 * the same level, that names the library logger and the classes in the throwable's cause chain, and withholds
 * every message, the line's own included (the library sometimes logs an exception's message as the line).
 * Lines without a throwable pass unchanged. Installed on logback while the bot runs (a turbo filter sees a
 * logging call before any appender); does nothing with another logging backend.
 */
@Component
class TelegramLibraryLogs extends TurboFilter implements InitializingBean, DisposableBean {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(TelegramLibraryLogs.class);

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (format == null || !logger.getName().startsWith("org.telegram.")) {
			return FilterReply.NEUTRAL;
		}
		Throwable thrown = t != null ? t
				: params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
		if (thrown == null) {
			return FilterReply.NEUTRAL;
		}
		var chain = new StringBuilder();
		for (Throwable cause = thrown; cause != null && chain.length() < 1_000; cause = cause.getCause()) {
			chain.append(chain.isEmpty() ? "" : " < ").append(cause.getClass().getName());
		}
		log.atLevel(org.slf4j.event.Level.intToLevel(Level.toLocationAwareLoggerInteger(level)))
			.log("{} reported a failure: {} (messages withheld: they can quote what people sent)", logger.getName(), chain);
		return FilterReply.DENY;
	}

	@Override
	public void afterPropertiesSet() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			setContext(context);
			start();
			context.addTurboFilter(this);
		}
	}

	@Override
	public void destroy() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getTurboFilterList().remove(this);
		}
		stop();
	}

}
