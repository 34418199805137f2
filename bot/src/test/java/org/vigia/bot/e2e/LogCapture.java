package org.vigia.bot.e2e;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Every log line of the JVM from {@link #start()} to {@link #close()}, as text: the level, the logger, the message,
 * then the class and message of every throwable in its cause chain (and their suppressed ones).
 *
 * <p>Every line emitted is captured by an appender on the root logger; the bot's own loggers ({@code org.vigia})
 * are captured at the levels nobody prints too, by a turbo filter, which logback consults before the level check:
 * a TRACE line an operator might switch on is scanned as well.
 *
 * <p>Spring Boot stops and resets logback as each bot starts, which drops every appender, filter and listener:
 * give {@link #onEveryStart()} to the {@code SpringApplicationBuilder}, and the capture is put back as soon as
 * Spring Boot has configured logging (only the few lines Spring Boot logs while it configures logging escape);
 * a reset-resistant listener covers resets without a stop. Thread-safe.
 */
final class LogCapture implements AutoCloseable {

	private final Queue<String> lines = new ConcurrentLinkedQueue<>();

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Emitted emitted = new Emitted();

	private final Ours ours = new Ours();

	private final Reattach reattach = new Reattach();

	private LogCapture() {
	}

	static LogCapture start() {
		var capture = new LogCapture();
		capture.attach();
		return capture;
	}

	List<String> lines() {
		return List.copyOf(lines);
	}

	/** A listener for a bot's SpringApplicationBuilder: captures again once the bot has configured logging. */
	ApplicationListener<ApplicationEnvironmentPreparedEvent> onEveryStart() {
		// runs after Spring Boot's LoggingApplicationListener, which has a higher precedence than an unordered listener
		return event -> attach();
	}

	private synchronized void attach() {
		if (!context.getCopyOfListenerList().contains(reattach)) {
			context.addListener(reattach);
		}
		if (!context.getTurboFilterList().contains(ours)) {
			context.addTurboFilter(ours);
		}
		emitted.setContext(context);
		emitted.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(emitted.getName()) == null) {
			root.addAppender(emitted);
		}
	}

	@Override
	public synchronized void close() {
		context.removeListener(reattach);
		context.getTurboFilterList().remove(ours);
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(emitted);
	}

	static String render(String message, IThrowableProxy proxy) {
		var out = new StringBuilder(String.valueOf(message));
		for (IThrowableProxy t = proxy; t != null; t = t.getCause()) {
			out.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
			for (IThrowableProxy s : t.getSuppressed()) {
				out.append(" | suppressed ").append(s.getClassName()).append(": ").append(s.getMessage());
			}
		}
		return out.toString();
	}

	static String render(String message, Throwable throwable) {
		var out = new StringBuilder(String.valueOf(message));
		for (Throwable t = throwable; t != null; t = t.getCause()) {
			out.append(" | ").append(t.getClass().getName()).append(": ").append(t.getMessage());
			for (Throwable s : t.getSuppressed()) {
				out.append(" | suppressed ").append(s.getClass().getName()).append(": ").append(s.getMessage());
			}
		}
		return out.toString();
	}

	/** Every line emitted. */
	private final class Emitted extends AppenderBase<ILoggingEvent> {

		Emitted() {
			setName("log-capture-" + System.identityHashCode(LogCapture.this));
		}

		@Override
		protected void append(ILoggingEvent event) {
			lines.add(event.getLevel() + " " + event.getLoggerName() + ": "
					+ render(event.getFormattedMessage(), event.getThrowableProxy()));
		}

	}

	/** The bot's own logging calls at levels that are switched off (those switched on reach {@link Emitted}). */
	private final class Ours extends TurboFilter {

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
			// format is null when the logger only asks whether a level is on
			if (format != null && logger.getName().startsWith("org.vigia") && !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
				var formatted = MessageFormatter.arrayFormat(format, params);
				lines.add(level + " " + logger.getName() + ": "
						+ render(formatted.getMessage(), t != null ? t : formatted.getThrowable()));
			}
			return FilterReply.NEUTRAL;
		}

	}

	/** Spring Boot resets logback as a bot starts and stops: come back after every reset. */
	private final class Reattach implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onReset(LoggerContext context) {
			attach();
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
