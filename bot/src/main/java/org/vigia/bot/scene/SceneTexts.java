package org.vigia.bot.scene;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vigia.bot.messages.Texts;
import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.Text;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.DisputeRule;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Uniform;
import org.vigia.core.scene.Bearing;
import org.vigia.core.scene.ScenePlace;
import org.vigia.core.scene.SceneReports;
import org.vigia.core.scene.WhereWords;

/**
 * The words every text about a scene is made of, in the reader's language (bundle keys {@code scene.*}): what
 * is happening as a noun phrase for use inside a sentence ("someone being detained" / "una detención") and as
 * a title; where, inside a sentence ("about 400 m north-east of Millennium Park") and alone (a channel's 📍
 * line, a pin's title); what residents describe; how observers answered; and the state, in words. Counts use
 * the bundles' plural forms; times are shown in the network's zone. Everything residents typed is escaped.
 * Thread-safe.
 */
public final class SceneTexts {

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	private final Texts texts;

	private final ZoneId zone;

	public SceneTexts(Texts texts, ZoneId zone) {
		this.texts = texts;
		this.zone = zone;
	}

	public Texts texts() {
		return texts;
	}

	public String render(Text text, String language) {
		return texts.render(text, language);
	}

	/** The drill marker ("🧪 DRILL — not real") before any text about a practice scene; empty for a real one. */
	public String drillMarker(Incident incident, String language) {
		return incident.id().drill() ? render(Text.of("drill.marker"), language) : "";
	}

	/** What is happening, to use inside a sentence. */
	public Text what(Incident incident) {
		return Text.of(ReportFlow.key("scene.kind.", incident.kind()));
	}

	/** What is happening, as the label residents chose it from ("Someone being detained"). */
	public Text kind(Incident incident) {
		return Text.of(ReportFlow.key("report.kind.", incident.kind()));
	}

	/** What is happening, as a title. */
	public Text title(Incident incident) {
		return Text.of(ReportFlow.key("scene.title.", incident.kind()));
	}

	/** Where, inside a sentence ({@link WhereWords#where}). */
	public Text where(ScenePlace place) {
		return WhereWords.where(place.where());
	}

	/** Where, standing alone ({@link WhereWords#place}). */
	public Text place(ScenePlace place) {
		return WhereWords.place(place.where());
	}

	/** The place's name alone, to follow "near" ({@link WhereWords#name}). */
	public Text name(ScenePlace place) {
		return WhereWords.name(place.where());
	}

	/** "about 500 m north-east of you" (or "right where you are"), from an observer's position. */
	public Text fromYou(Optional<GeoPoint> observer, GeoPoint pin) {
		if (observer.isEmpty()) {
			return Text.of("scene.fromYou.unknown");
		}
		double meters = observer.get().metersTo(pin);
		if (meters < 50) {
			return Text.of("scene.fromYou.here");
		}
		return Text.of("scene.fromYou", WhereWords.distance(meters), WhereWords.bearing(Bearing.from(observer.get(), pin)));
	}

	/** "3 reports · 3–5 agents · 1 vehicle · uniforms: ICE, plain clothes". */
	public String details(SceneReports reports, String language) {
		var parts = new ArrayList<String>();
		parts.add(render(Text.of("scene.reports", reports.count()), language));
		if (reports.agents().known()) {
			parts.add(render(Text.of(agents(reports.agents())), language));
		}
		if (reports.vehicles().known()) {
			parts.add(render(Text.of(vehicles(reports.vehicles())), language));
		}
		List<String> named = reports.uniforms().stream().filter(u -> u != Uniform.UNSURE).sorted()
			.map(u -> render(Text.of(ReportFlow.key("scene.uniform.", u)), language)).toList();
		if (!named.isEmpty()) {
			parts.add(render(Text.of("scene.uniforms", new Texts.Html(String.join(", ", named))), language));
		}
		else if (reports.uniforms().contains(Uniform.UNSURE)) {
			parts.add(render(Text.of("scene.uniforms.unsure"), language));
		}
		return String.join(" · ", parts);
	}

	/** The words of the range a resident chose ({@link CountRange#AGENTS}, in order), or of the one it falls in. */
	static String agents(CountRange chosen) {
		int agents = chosen.typical();
		return agents <= 2 ? "scene.agents.few" : agents <= 5 ? "scene.agents.some" : agents <= 10 ? "scene.agents.many"
				: "scene.agents.lots";
	}

	/** The words of the range a resident chose ({@link CountRange#VEHICLES}, in order), or of the one it falls in. */
	static String vehicles(CountRange chosen) {
		int vehicles = chosen.typical();
		return vehicles == 1 ? "scene.vehicles.one" : vehicles <= 3 ? "scene.vehicles.some" : "scene.vehicles.many";
	}

	/** "First seen at 10:42 · latest report at 10:55" (or "Seen at 10:42" for one report). */
	public Text seen(SceneReports reports) {
		return reports.count() <= 1 ? Text.of("scene.seen.once", time(reports.firstSeen()))
				: Text.of("scene.seen", time(reports.firstSeen()), time(reports.latestReport()));
	}

	/** The latest residents' notes, quoted, or empty. */
	public Optional<Text> notes(SceneReports reports) {
		if (reports.notes().isEmpty()) {
			return Optional.empty();
		}
		String quoted = String.join(" · ", reports.notes().stream().map(n -> "“" + Texts.escape(n) + "”").toList());
		return Optional.of(Text.of("scene.notes", new Texts.Html(quoted)));
	}

	/** The surge warning, while the scene is unverified and drew one. */
	public Optional<Text> surge(Incident incident) {
		if (!incident.state().unverified() || !IncidentLifecycle.surged(incident)) {
			return Optional.empty();
		}
		long minutes = Math.max(1, Duration.between(incident.openedAt(), incident.lastReportAt()).toMinutes());
		return Optional.of(Text.of("scene.surge", incident.reports().size(), minutes));
	}

	/** "3 observers asked · 1 on the way". */
	public Text observers(Incident incident) {
		return Text.of("scene.observers", incident.dispatch().asked().size(), incident.dispatch().going().size());
	}

	/** "Answers so far: 1 × local police, 1 × nothing there", or empty before any. */
	public Optional<Text> answers(Incident incident) {
		return answerList(incident.verdicts()).map(list -> Text.of("scene.answers", list));
	}

	/** "1 × local police, 1 × nothing there" for these verdicts, or empty for none. */
	public Optional<Text> answerList(List<Verdict> verdicts) {
		if (verdicts.isEmpty()) {
			return Optional.empty();
		}
		Map<VerdictKind, Integer> counts = new TreeMap<>();
		verdicts.forEach(v -> counts.merge(v.kind(), 1, Integer::sum));
		var parts = counts.entrySet().stream()
			.map(e -> Text.of(ReportFlow.key("scene.answer.", e.getKey()), e.getValue()))
			.toList();
		return Optional.of(joined(parts));
	}

	/** Texts joined with ", " (rendered when the whole is rendered, in its language). */
	static Text joined(List<Text> parts) {
		Text all = parts.get(0);
		for (Text next : parts.subList(1, parts.size())) {
			all = Text.of("scene.list", all, next);
		}
		return all;
	}

	/** The words for one observer's answer ("local police"). */
	public Text verdict(VerdictKind kind) {
		return Text.of(ReportFlow.key("scene.verdict.", kind));
	}

	/** The state in words, for people who act on the scene; empty while it waits for observers. */
	public Optional<Text> state(Incident incident) {
		Instant last = incident.history().get(incident.history().size() - 1).at();
		return Optional.ofNullable(switch (incident.state()) {
			case NEW, DISPATCHED -> null;
			case CONFIRMED -> DisputeRule.disputed(incident) ? Text.of("scene.state.disputed")
					: Text.of("scene.state.confirmed", time(IncidentLifecycle.lastConfirmedAt(incident)));
			case PUBLISHED -> DisputeRule.disputed(incident) ? Text.of("scene.state.disputed")
					: Text.of("scene.state.published", time(publishedAt(incident)));
			case ENDED -> Text.of("scene.state.ended", time(last));
			case NOT_ICE -> Text.of("scene.state.notIce");
			case UNFOUNDED -> Text.of("scene.state.unfounded");
			case EXPIRED -> Text.of("scene.state.expired");
		});
	}

	/** The state in one short phrase, for a dispatcher's list ("waiting for observers", "alert posted"). */
	public Text stateShort(Incident incident) {
		if (DisputeRule.disputed(incident)) {
			return Text.of("scene.short.disputed");
		}
		return Text.of(ReportFlow.key("scene.short.", incident.state()));
	}

	private static Instant publishedAt(Incident incident) {
		return incident.history().stream().filter(e -> e.transition() && e.to() == IncidentState.PUBLISHED)
			.map(e -> e.at()).findFirst().orElse(incident.lastReportAt());
	}

	/** Whether this observer's verdict on the incident was "ICE confirmed". */
	public static Optional<Verdict> verdictOf(Incident incident, ObserverId observer) {
		return incident.verdicts().stream().filter(v -> v.observer().equals(observer)).findFirst();
	}

	/** A time of day in the network's zone. */
	public String time(Instant instant) {
		return HOURS.format(instant.atZone(zone));
	}

	public ZoneId zone() {
		return zone;
	}

}
