package org.vigia.bot.channel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

import org.vigia.bot.chat.Texts;
import org.vigia.store.Eventually;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.store.RedisPostLedger;
import org.vigia.store.RedisReportStore;
import org.vigia.bot.telegram.Outbox;
import org.vigia.core.channel.ChannelPost;
import org.vigia.core.chat.Text;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.report.Report;

/**
 * Posts confirmed incidents to the channels of the neighborhoods around them, in each channel's language,
 * and edits those posts as the incident changes (ended, stale, corrected).
 *
 * <p>Design note: a post is claimed in Redis per incident and channel before it is sent, so that two
 * instances, a retry or a restart never post one alert twice (a claim whose send failed is released, so a
 * later attempt may post; a claim left by a process killed mid-send is taken over by the next attempt). The text says where only approximately (the neighborhood and the place
 * residents named) and never who reported.
 */
public final class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	private final Outbox outbox;

	private final Texts texts;

	private final NeighborhoodDirectory neighborhoods;

	private final RedisPostLedger ledger;

	private final RedisReportStore reports;

	private final ZoneId zone;

	private final double bufferMeters;

	private final org.vigia.store.RedisChatState corrections;

	public Publisher(Outbox outbox, Texts texts, NeighborhoodDirectory neighborhoods, RedisPostLedger ledger,
			RedisReportStore reports, ZoneId zone, double bufferMeters, org.vigia.store.RedisChatState corrections) {
		this.corrections = corrections;
		this.outbox = outbox;
		this.texts = texts;
		this.neighborhoods = neighborhoods;
		this.ledger = ledger;
		this.reports = reports;
		this.zone = zone;
		this.bufferMeters = bufferMeters;
	}

	/**
	 * Posts the alert once to every channel around the incident that has no post yet and that no live
	 * process is posting to; completes with the number of channels that have the alert when these sends are
	 * done. A post whose answer could not be read probably went out: it counts, is kept (id 0: it cannot be
	 * edited) and is never sent again. A post that failed is released, so that a later attempt may post it.
	 */
	public CompletableFuture<Integer> publish(Incident incident) {
		var sends = new ArrayList<CompletableFuture<Void>>();
		for (Neighborhood n : neighborhoods.channelsNear(incident.center(), bufferMeters)) {
			// written before the claim: a claim must be followed by a send (or a release)
			var message = SendMessage.builder()
				.chatId(n.channel())
				.text(text(incident, n))
				.parseMode(ParseMode.HTML)
				.disableWebPagePreview(true)
				.build();
			if (!ledger.claim(incident.id(), n.channel())) {
				continue;
			}
			sends.add(outbox.call(n.channel(), message, Outbox.Priority.URGENT).handle((sent, error) -> {
				Throwable cause = Outbox.cause(error);
				if (cause == null) {
					Eventually.store("a channel post",
							() -> ledger.record(new ChannelPost(incident.id(), n.channel(), sent.getMessageId())));
				}
				else if (cause instanceof Outbox.UncertainDelivery) {
					log.warn("Telegram's answer to a channel post could not be read; it is not posted again");
					Eventually.store("a channel post", () -> ledger.record(incident.id(), n.channel(), 0));
				}
				else {
					log.warn("Posting an alert to a channel failed: {}", cause.getClass().getSimpleName());
					Eventually.store("a released post claim", () -> ledger.release(incident.id(), n.channel()));
				}
				return null;
			}));
		}
		return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
			.thenApply(v -> ledger.delivered(incident.id()).size());
	}

	/** Whether a live process is posting this incident to a channel right now. */
	public boolean publishing(Incident incident) {
		return neighborhoods.channelsNear(incident.center(), bufferMeters)
			.stream()
			.anyMatch(n -> ledger.inFlight(incident.id(), n.channel()));
	}

	/** Edits every post of the incident to show its current state. */
	public void update(Incident incident) {
		for (ChannelPost post : ledger.posts(incident.id())) {
			Neighborhood n = neighborhoods.map()
				.flatMap(m -> m.all().stream().filter(x -> post.channel().equals(x.channel())).findFirst())
				.orElse(null);
			if (n == null) {
				continue;
			}
			var edit = EditMessageText.builder()
				.chatId(post.channel())
				.messageId((int) post.messageId())
				.text(text(incident, n))
				.parseMode(ParseMode.HTML)
				.disableWebPagePreview(true)
				.build();
			outbox.call(post.channel(), edit, Outbox.Priority.URGENT);
		}
	}

	/** The alert as it should read now, in the channel's language. */
	String text(Incident incident, Neighborhood n) {
		String language = n.language();
		List<Report> members = reports.findAll(incident.reports());
		String place = members.stream().map(Report::placeText).filter(p -> p != null && !p.isBlank()).findFirst()
			.orElse(n.name());
		Instant firstSeen = members.stream().map(Report::seenAt).min(Instant::compareTo).orElse(incident.openedAt());
		Instant confirmedAt = IncidentLifecycle.lastConfirmedAt(incident);
		boolean byDispatcher = incident.history().stream()
			.anyMatch(e -> e.transition() && e.to() == IncidentState.CONFIRMED && e.actor() == ActorKind.DISPATCHER);
		long observers = incident.verdicts().stream().map(v -> v.observer()).distinct().count();
		var body = new StringBuilder(texts.render(Text.of(byDispatcher ? "alert.dispatcherConfirmed" : "alert.confirmed",
				n.name(), place, Text.of(kindKey(incident)), time(firstSeen), observers, time(confirmedAt)), language));
		if (incident.state() == IncidentState.ENDED) {
			body.append(texts.render(Text.of("alert.ended", time(lastEvent(incident).at())), language));
		}
		else if (IncidentLifecycle.staleSince(incident, confirmedAt)) {
			body.append(texts.render(Text.of("alert.stale", time(confirmedAt)), language));
		}
		else if (incident.state() == IncidentState.NOT_ICE || incident.state() == IncidentState.UNFOUNDED) {
			IncidentEvent last = lastEvent(incident);
			body.append(texts.render(Text.of("alert.corrected", time(last.at()),
					Text.of(incident.state() == IncidentState.NOT_ICE ? "outcome.notIce" : "outcome.unfounded")), language));
		}
		corrections.correction(incident.id()).ifPresent(text -> body.append(texts
			.render(Text.of("alert.corrected", time(lastEvent(incident).at()), text), language)));
		return body.toString();
	}

	/** Keeps a dispatcher's correction for the incident's posts. */
	public void correct(Incident incident, String text, java.time.Duration ttl) {
		corrections.correction(incident.id(), text, ttl);
	}

	/** The bundle key naming what the incident is (the same texts residents chose from). */
	public static String kindKey(Incident incident) {
		return org.vigia.core.chat.ReportFlow.key("report.kind.", incident.kind());
	}

	private static IncidentEvent lastEvent(Incident incident) {
		return incident.history().get(incident.history().size() - 1);
	}

	public String time(Instant instant) {
		return HOURS.format(instant.atZone(zone));
	}

}
