package org.vigia.bot.signal;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Every log line of the JVM while open, with the messages of its throwables, and the Signal package's own lines at
 * every level (TRACE included): what an operator could ever read.
 */
final class Logs implements AutoCloseable {

	private final Queue<String> lines = new ConcurrentLinkedQueue<>();

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Logger signal = context.getLogger("org.vigia.bot.signal");

	private final Level level = signal.getLevel();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			var line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + ": "
					+ event.getFormattedMessage());
			for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
				line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
			}
			lines.add(line.toString());
		}

	};

	Logs() {
		appender.setContext(context);
		appender.start();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
		signal.setLevel(Level.TRACE);
	}

	List<String> lines() {
		return List.copyOf(lines);
	}

	@Override
	public void close() {
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
		signal.setLevel(level);
	}

}
