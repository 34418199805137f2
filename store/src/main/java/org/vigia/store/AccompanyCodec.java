package org.vigia.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanyRequest;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentKind;
import org.vigia.core.accompany.CheckIn;
import org.vigia.core.accompany.CheckInKind;
import org.vigia.core.accompany.DetentionCase;
import org.vigia.core.accompany.HistoryEntry;
import org.vigia.core.accompany.Recognition;
import org.vigia.core.accompany.Venue;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Transport;

/**
 * JSON forms of the accompaniment records. The addresses of people (the person who asked, family contacts,
 * accompaniers) are kept only encrypted ({@link ChatSeal}, bound to the appointment or accompanier they belong
 * to), as the residents waiting for an incident's outcome are: a copy of Redis does not say who they are.
 */
final class AccompanyCodec {

	private final JsonMapper json = JsonMapper.builder()
		.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private final ChatSeal seal;

	AccompanyCodec(ChatSeal seal) {
		this.seal = seal;
	}

	record CheckInDoc(String by, CheckInKind k, String at) {
	}

	record CaseDoc(String o, String by, String c, String r) {
	}

	record EntryDoc(String at, HistoryEntry.Event e, String a) {
	}

	record AppointmentDoc(String id, AppointmentKind k, String vp, String vn, String va, String at, String l, int c,
			String r, String p, String rq, boolean x, List<String> as, List<String> de, List<String> an, List<String> f,
			List<CheckInDoc> ci, CaseDoc dc, List<EntryDoc> h) {
	}

	record AccompanierDoc(String id, String n, Set<String> ls, Set<String> ps, String a) {
	}

	String appointment(Appointment a) {
		String context = "appointment:" + a.id().value();
		AccompanyRequest r = a.request();
		DetentionCase d = a.detention();
		return json.writeValueAsString(new AppointmentDoc(a.id().value(), r.kind(), r.venue().place(), r.venue().name(),
				r.venue().address(), r.at().toString(), r.language(), r.companions(), r.recognition().text(),
				seal.seal(address(r.person()), context), r.requestedAt().toString(), a.cancelled(), ids(a.asked()),
				ids(a.declined()), ids(a.assigned()),
				a.family().stream().map(f -> seal.seal(address(f), context)).toList(),
				a.checkIns().stream().map(c -> new CheckInDoc(c.by().value(), c.kind(), c.at().toString())).toList(),
				d == null ? null : new CaseDoc(d.openedAt().toString(), d.reportedBy().value(),
						d.closedAt() == null ? null : d.closedAt().toString(), d.closeReason()),
				a.history().stream().map(h -> new EntryDoc(h.at().toString(), h.event(),
						h.accompanier() == null ? null : h.accompanier().value())).toList()));
	}

	Appointment appointment(String text) {
		var d = json.readValue(text, AppointmentDoc.class);
		String context = "appointment:" + d.id();
		var venue = new Venue(d.vp(), d.vn(), d.va());
		var request = new AccompanyRequest(d.k(), venue, Instant.parse(d.at()), d.l(), d.c(), new Recognition(d.r()),
				open(d.p(), context), Instant.parse(d.rq()));
		DetentionCase detention = d.dc() == null ? null
				: new DetentionCase(Instant.parse(d.dc().o()), new AccompanierId(d.dc().by()),
						d.dc().c() == null ? null : Instant.parse(d.dc().c()), d.dc().r());
		return new Appointment(new AppointmentId(d.id()), request, d.x(), accompaniers(d.as()), accompaniers(d.de()),
				accompaniers(d.an()), d.f().stream().map(f -> open(f, context)).toList(),
				d.ci().stream().map(c -> new CheckIn(new AccompanierId(c.by()), c.k(), Instant.parse(c.at()))).toList(),
				detention, d.h().stream().map(h -> new HistoryEntry(Instant.parse(h.at()), h.e(),
						h.a() == null ? null : new AccompanierId(h.a()))).toList());
	}

	String accompanier(Accompanier a) {
		return json.writeValueAsString(new AccompanierDoc(a.id().value(), a.displayName(), a.languages(), a.places(),
				seal.seal(address(a.address()), "accompanier:" + a.id().value())));
	}

	Accompanier accompanier(String text) {
		var d = json.readValue(text, AccompanierDoc.class);
		return new Accompanier(new AccompanierId(d.id()), d.n(), d.ls(), d.ps(), open(d.a(), "accompanier:" + d.id()));
	}

	/** The address in one string: transport, kind and id. Only ever stored sealed or hashed. */
	static String address(Address a) {
		return a.transport().name() + ":" + a.kind().name() + ":" + a.id();
	}

	private Address open(String sealed, String context) {
		String plain = seal.open(sealed, context)
			.orElseThrow(() -> new IllegalStateException("a stored address cannot be opened with this secret"));
		String[] parts = plain.split(":", 3);
		return new Address(Transport.valueOf(parts[0]), Address.Kind.valueOf(parts[1]), parts[2]);
	}

	private static List<String> ids(List<AccompanierId> ids) {
		return ids.stream().map(AccompanierId::value).toList();
	}

	private static List<AccompanierId> accompaniers(List<String> ids) {
		return ids.stream().map(AccompanierId::new).toList();
	}

}
