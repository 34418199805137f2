package org.vigia.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.ActorKind;
import org.vigia.core.incident.Dispatch;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.core.report.Uniform;

/**
 * JSON forms of core's records, kept out of core (core knows no Jackson). Explicit small documents
 * with short field names: the stored form is a contract of its own (it must read back after an
 * upgrade), and memory per stored report is a budget (BENCHMARKS.md). Instants are ISO strings so that
 * they read back exactly.
 */
final class Codec {

	private final JsonMapper json = JsonMapper.builder()
		.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	String report(Report r) {
		return json.writeValueAsString(new ReportDoc(r.id().value(), r.kind(), r.location().latitude(),
				r.location().longitude(), r.placeText(), r.area(), r.recency(), r.seenAt().toString(),
				r.receivedAt().toString(), r.sighting().agents().typical(), r.sighting().vehicles().typical(),
				range(r.sighting().agents()), range(r.sighting().vehicles()), List.copyOf(r.sighting().uniforms()),
				r.note(), r.photo(), r.reporter().value(), r.language()));
	}

	Report report(String text) {
		var d = json.readValue(text, ReportDoc.class);
		Set<Uniform> uniforms = d.u().isEmpty() ? Set.of() : EnumSet.copyOf(d.u());
		var sighting = new Sighting(range(d.agr(), d.ag()), range(d.ver(), d.ve()), uniforms);
		return new Report(new ReportId(d.id()), d.k(), new GeoPoint(d.lat(), d.lon()), d.pt(), d.ar(), d.r(),
				Instant.parse(d.s()), Instant.parse(d.a()), sighting, d.n(), d.ph(), new Pseudonym(d.p()), d.l());
	}

	/** A known range as {@code [low, high]}; nothing for "not sure". */
	private static int[] range(CountRange range) {
		return range.known() ? new int[] { range.low(), range.high() } : null;
	}

	/**
	 * The range a report holds: as stored, or (a report stored before ranges were kept) the range whose typical
	 * number was stored.
	 */
	private static CountRange range(int[] stored, int typical) {
		return stored != null && stored.length == 2 ? new CountRange(stored[0], stored[1])
				: CountRange.standingFor(typical);
	}

	String incident(Incident i) {
		var d = i.dispatch();
		var askedAt = new java.util.TreeMap<String, String>();
		d.askedAt().forEach((o, at) -> askedAt.put(o.value(), at.toString()));
		var dispatch = new DispatchDoc(d.startedAt() == null ? null : d.startedAt().toString(), d.radiusMeters(),
				ids(d.asked()), ids(d.going()), ids(d.declined()), askedAt);
		var verdicts = i.verdicts()
			.stream()
			.map(v -> new VerdictDoc(v.observer().value(), v.kind(), v.lead(), v.at().toString(), v.note(),
					v.newcomer() ? Boolean.TRUE : null))
			.toList();
		var history = i.history()
			.stream()
			.map(e -> new EventDoc(e.at().toString(), e.actor(), e.from(), e.to(), e.reason()))
			.toList();
		return json.writeValueAsString(new IncidentDoc(i.id().value(), i.state(), i.kind(), point(i.anchor()),
				point(i.center()), i.members().stream().map(Codec::point).toList(),
				i.reports().stream().map(ReportId::value).toList(),
				i.reporters().stream().map(Pseudonym::value).sorted().toList(), i.openedAt().toString(),
				i.lastReportAt().toString(), dispatch, verdicts, history));
	}

	Incident incident(String text) {
		var d = json.readValue(text, IncidentDoc.class);
		var dd = d.d();
		var askedAt = new java.util.HashMap<ObserverId, Instant>();
		dd.at().forEach((o, at) -> askedAt.put(new ObserverId(o), Instant.parse(at)));
		var dispatch = new Dispatch(dd.s() == null ? null : Instant.parse(dd.s()), dd.rad(), observers(dd.as()),
				observers(dd.g()), observers(dd.de()), askedAt);
		var verdicts = d.v()
			.stream()
			.map(v -> new Verdict(new ObserverId(v.o()), v.k(), v.l(), Instant.parse(v.a()), v.n(),
					Boolean.TRUE.equals(v.nw())))
			.toList();
		var history = d.h()
			.stream()
			.map(e -> new IncidentEvent(Instant.parse(e.a()), e.ac(), e.f(), e.t(), e.r()))
			.toList();
		return new Incident(new IncidentId(d.id()), d.st(), d.k(), point(d.an()), point(d.c()),
				d.m().stream().map(Codec::point).toList(), d.r().stream().map(ReportId::new).toList(),
				map(d.rp(), Pseudonym::new), Instant.parse(d.o()), Instant.parse(d.la()), dispatch, verdicts,
				history);
	}

	String observer(Observer o) {
		return json.writeValueAsString(
				new ObserverDoc(o.id().value(), o.alias(), o.chat(), o.lead(), o.language(), o.joinedAt().toString()));
	}

	Observer observer(String text) {
		var d = json.readValue(text, ObserverDoc.class);
		return new Observer(new ObserverId(d.id()), d.al(), d.c(), d.ld(), d.l(), Instant.parse(d.j()));
	}

	private static List<String> ids(Set<ObserverId> ids) {
		return ids.stream().map(ObserverId::value).sorted().toList();
	}

	private static Set<ObserverId> observers(List<String> ids) {
		return map(ids, ObserverId::new);
	}

	private static <T> Set<T> map(List<String> values, Function<String, T> f) {
		var out = new LinkedHashSet<T>();
		values.forEach(v -> out.add(f.apply(v)));
		return out;
	}

	private static double[] point(GeoPoint p) {
		return new double[] { p.latitude(), p.longitude() };
	}

	private static GeoPoint point(double[] p) {
		return new GeoPoint(p[0], p[1]);
	}

	/**
	 * {@code ag} and {@code ve} are the counts' typical numbers, all that reports held before they kept the ranges
	 * residents chose ({@code agr}, {@code ver}); still written, so that an instance of the previous version reads
	 * them during a rolling upgrade.
	 */
	record ReportDoc(String id, ReportKind k, double lat, double lon, String pt, String ar, Recency r, String s, String a,
			int ag, int ve, int[] agr, int[] ver, List<Uniform> u, String n, String ph, String p, String l) {
		ReportDoc {
			u = u == null ? List.of() : u;
		}
	}

	record IncidentDoc(String id, IncidentState st, ReportKind k, double[] an, double[] c, List<double[]> m,
			List<String> r, List<String> rp, String o, String la, DispatchDoc d, List<VerdictDoc> v,
			List<EventDoc> h) {
		IncidentDoc {
			v = v == null ? List.of() : v;
			h = h == null ? new ArrayList<>() : h;
		}
	}

	/** {@code at}: when each observer was asked (absent in incidents stored before it was kept). */
	record DispatchDoc(String s, double rad, List<String> as, List<String> g, List<String> de, Map<String, String> at) {
		DispatchDoc {
			as = as == null ? List.of() : as;
			g = g == null ? List.of() : g;
			de = de == null ? List.of() : de;
			at = at == null ? Map.of() : at;
		}
	}

	/** {@code nw}: a newcomer's verdict (absent otherwise, as in documents written before there were newcomers). */
	record VerdictDoc(String o, VerdictKind k, boolean l, String a, String n, Boolean nw) {
	}

	record EventDoc(String a, ActorKind ac, IncidentState f, IncidentState t, String r) {
	}

	/** {@code c}: the chat's address key; observers saved before there were other messengers hold a number there. */
	record ObserverDoc(String id, String al, String c, boolean ld, String l, String j) {
	}

}
