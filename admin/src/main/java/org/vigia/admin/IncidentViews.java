package org.vigia.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.vigia.core.incident.Incident;
import org.vigia.core.neighborhood.NeighborhoodMap;
import org.vigia.core.report.Report;
import org.vigia.core.chat.Text;
import org.vigia.core.scene.NamedPlaces;
import org.vigia.core.scene.ScenePlaces;
import org.vigia.core.scene.WhereWords;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.neighborhood.NeighborhoodText;
import org.vigia.core.observer.ObserverStore;
import org.vigia.core.report.ReportStore;

/**
 * Builds {@link IncidentView}s: the open incidents, most urgent first, in words; and the small texts that go
 * with them ("12 min ago", a time in the network's zone).
 */
@Component
class IncidentViews {

	private static final String REF_LETTERS = "ACDEFHJKMNPRTUVWXY34679";

	private final IncidentStore incidents;

	private final ReportStore reports;

	private final ObserverStore observers;

	private final NeighborhoodText neighborhoods;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	private volatile String mapText;

	private volatile NeighborhoodMap map;

	IncidentViews(IncidentStore incidents, ReportStore reports, ObserverStore observers,
			NeighborhoodText neighborhoods, MessageSource messages, Clock clock, AdminProperties properties) {
		this.incidents = incidents;
		this.reports = reports;
		this.observers = observers;
		this.neighborhoods = neighborhoods;
		this.messages = messages;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/** The open incidents, most urgent first, then the latest report first. */
	List<IncidentView> open() {
		return incidents.open()
			.stream()
			.map(this::view)
			.sorted(Comparator.comparingInt(IncidentView::urgency)
				.thenComparing(IncidentView::lastReportAt, Comparator.reverseOrder()))
			.toList();
	}

	IncidentView view(Incident incident) {
		List<Report> found = reports.findAll(incident.reports());
		var going = incident.dispatch()
			.going()
			.stream()
			.map(id -> observers.find(id).map(o -> o.alias()).orElse(""))
			.filter(a -> !a.isEmpty())
			.sorted()
			.toList();
		var photos = found.stream().map(Report::photo).filter(Objects::nonNull).toList();
		var center = incident.center().approximate(4);
		return new IncidentView(incident.id().value(), ref(incident.id().value()), incident.kind(),
				where(incident, found), incident.openedAt(), incident.lastReportAt(), incident.state(),
				incident.reports().size(), incident.dispatch().asked().size(), going, photos, center.latitude(),
				center.longitude());
	}

	/**
	 * Where, in words, as the bot says it to dispatchers (core's {@link ScenePlaces} and {@link WhereWords}): the
	 * place residents named most, else the neighborhood the scene is in; in the reader's language. The console
	 * knows no listed places and looks up no street addresses.
	 */
	String where(Incident incident, List<Report> found) {
		var places = new ScenePlaces(() -> NamedPlaces.NONE, ScenePlaces.AddressLookup.NONE,
				point -> neighborhoods().flatMap(m -> m.lookup(point).found()).map(n -> n.name()));
		return render(WhereWords.place(places.of(found, incident.center()).where()), LocaleContextHolder.getLocale());
	}

	/** A bundle text with its arguments, those that are texts themselves rendered first. */
	private String render(Text text, Locale locale) {
		Object[] args = text.args().stream().map(a -> a instanceof Text t ? render(t, locale) : a).toArray();
		return messages.getMessage(text.key(), args, locale);
	}

	/** The neighborhoods saved in Redis (parsed again only when they change), if any. */
	Optional<NeighborhoodMap> neighborhoods() {
		Optional<String> text = neighborhoods.load();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		if (!text.get().equals(mapText)) {
			map = NeighborhoodMap.fromGeoJson(text.get());
			mapText = text.get();
		}
		return Optional.of(map);
	}

	/** A short reference derived from the id: three letters and digits nobody confuses when said aloud. */
	static String ref(String id) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			var out = new StringBuilder();
			for (int i = 0; i < 3; i++) {
				out.append(REF_LETTERS.charAt((hash[i] & 0xff) % REF_LETTERS.length()));
			}
			return out.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** "12 min ago", "2 h 5 min ago", in the person's language. */
	String ago(java.time.Instant since, Locale locale) {
		long minutes = Math.max(0, java.time.Duration.between(since, clock.instant()).toMinutes());
		if (minutes < 1) {
			return messages.getMessage("console.ago.now", null, locale);
		}
		if (minutes < 60) {
			return messages.getMessage("console.ago.minutes", new Object[] { minutes }, locale);
		}
		return messages.getMessage("console.ago.hours", new Object[] { minutes / 60, minutes % 60 }, locale);
	}

	/** A time of day in the network's zone, e.g. 14:05. */
	String time(java.time.Instant at) {
		return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at);
	}

}
