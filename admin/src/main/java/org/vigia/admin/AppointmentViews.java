package org.vigia.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanyPlaces;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.Matching;
import org.vigia.core.accompany.Venue;
import org.vigia.core.accompany.AccompanierStore;

/**
 * Appointments as coordinators see them: what, where, when in the network's zone, how covered; accompaniers by
 * their display names. Never the address or the description of the person who asked, nor family contacts'
 * addresses: a coordinator assigns and follows up, the bot tells the people.
 */
@Component
class AppointmentViews {

	private final AccompanierStore accompaniers;

	private final AccompanyPlaces places;

	private final ZoneId zone;

	AppointmentViews(AccompanierStore accompaniers, AccompanyPlaces places, AdminProperties properties) {
		this.accompaniers = accompaniers;
		this.places = places;
		this.zone = properties.zone();
	}

	/** One appointment in a list or the calendar. */
	record Row(String id, String kind, String place, Instant at, LocalDate day, String language, int assigned,
			int companions, String coverage, boolean cancelled, boolean detention, boolean noCheckIn) {
	}

	Row row(Appointment a, Instant now) {
		var r = a.request();
		return new Row(a.id().value(), r.kind().name(), where(r.venue()), r.at(), LocalDate.ofInstant(r.at(), zone),
				r.language(), a.assigned().size(), r.companions(), Matching.coverage(a, now).name(), a.cancelled(),
				a.detention() != null, org.vigia.core.accompany.Schedule.checkInMissed(a, now));
	}

	/** Where, as the coordinator needs it: the listed place's name, or the typed address of the appointment. */
	static String where(Venue venue) {
		return venue.isListed() ? venue.name() : venue.address();
	}

	/** Rows by day in the network's zone, days in order. */
	Map<LocalDate, List<Row>> calendar(List<Row> rows) {
		return rows.stream()
			.sorted(java.util.Comparator.comparing(Row::at))
			.collect(Collectors.groupingBy(Row::day, java.util.TreeMap::new, Collectors.toList()));
	}

	String day(LocalDate day, Locale locale) {
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(day);
	}

	/** Display names of every accompanier, by id; an id that is gone is shown as such. */
	Map<String, String> names() {
		return accompaniers.all().stream()
			.collect(Collectors.toMap(a -> a.id().value(), Accompanier::displayName, (x, y) -> x, LinkedHashMap::new));
	}

	String name(Map<String, String> names, AccompanierId id) {
		return id == null ? "" : names.getOrDefault(id.value(), "?");
	}

	/** Accompaniers who could take this appointment and are not on it, those who fit first. */
	List<Accompanier> candidates(Appointment a) {
		return accompaniers.all().stream()
			.filter(x -> !a.assigned().contains(x.id()))
			.sorted(java.util.Comparator.comparing((Accompanier x) -> !x.canServe(a.request()))
				.thenComparing(Accompanier::displayName))
			.toList();
	}

	/** The names of the places an accompanier serves, as the places file calls them. */
	List<String> placeNames(Accompanier a, Function<String, String> elsewhere) {
		return a.places().stream().sorted().map(key -> Venue.ELSEWHERE.equals(key) ? elsewhere.apply(key)
				: places.find(key).map(p -> p.place().name()).orElse(key)).toList();
	}

	Optional<AccompanyPlaces.Place> place(String key) {
		return places.find(key);
	}

}
