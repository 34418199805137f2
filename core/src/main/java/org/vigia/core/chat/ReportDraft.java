package org.vigia.core.chat;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Recency;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Uniform;
import org.vigia.core.support.Checks;

/**
 * A report being written, one answer at a time. Lives only in the short-lived conversation state.
 *
 * @param step the question being asked
 * @param turn increases with every question asked; buttons carry it so a press on an old message is
 * recognised as stale
 * @param language "en", "es", ...
 * @param kind what is happening, once answered
 * @param location where, once answered
 * @param placeText the neighborhood name or typed cross streets, may be null
 * @param area the neighborhood's choice value when the resident picked a neighborhood instead of a point
 * (the place is then the whole area, not {@code location}), else null
 * @param recency when, once answered
 * @param agents the range the resident chose, {@link CountRange#UNKNOWN} until answered or when not sure
 * @param vehicles the range the resident chose, {@link CountRange#UNKNOWN} until answered or for "none / not sure"
 * @param uniforms answered so far (multiple choice)
 * @param photo stored, re-encoded photo ref, may be null
 * @param note may be null
 */
public record ReportDraft(ReportStep step, int turn, String language, ReportKind kind, GeoPoint location,
		String placeText, String area, Recency recency, CountRange agents, CountRange vehicles, Set<Uniform> uniforms,
		String photo, String note) {

	public ReportDraft {
		Objects.requireNonNull(step, "step must not be null");
		Checks.between("turn", turn, 0, Integer.MAX_VALUE);
		Checks.token("language", language, 8);
		if (area != null) {
			Checks.token("area", area, 20);
		}
		agents = agents == null ? CountRange.UNKNOWN : agents;
		vehicles = vehicles == null ? CountRange.UNKNOWN : vehicles;
		uniforms = uniforms == null || uniforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(uniforms));
	}

	public static ReportDraft start(String language) {
		return new ReportDraft(ReportStep.KIND, 0, language, null, null, null, null, null, CountRange.UNKNOWN,
				CountRange.UNKNOWN, Set.of(), null, null);
	}

	ReportDraft at(ReportStep next) {
		return new ReportDraft(next, turn + 1, language, kind, location, placeText, area, recency, agents, vehicles,
				uniforms, photo, note);
	}

	ReportDraft withKind(ReportKind value) {
		return new ReportDraft(step, turn, language, value, location, placeText, area, recency, agents, vehicles, uniforms,
				photo, note);
	}

	ReportDraft withPlace(GeoPoint point, String text, String inArea) {
		return new ReportDraft(step, turn, language, kind, point, text, inArea, recency, agents, vehicles, uniforms, photo,
				note);
	}

	ReportDraft withRecency(Recency value) {
		return new ReportDraft(step, turn, language, kind, location, placeText, area, value, agents, vehicles, uniforms,
				photo, note);
	}

	ReportDraft withAgents(CountRange value) {
		return new ReportDraft(step, turn, language, kind, location, placeText, area, recency, value, vehicles, uniforms,
				photo, note);
	}

	ReportDraft withVehicles(CountRange value) {
		return new ReportDraft(step, turn, language, kind, location, placeText, area, recency, agents, value, uniforms,
				photo, note);
	}

	ReportDraft withUniforms(Set<Uniform> value) {
		return new ReportDraft(step, turn, language, kind, location, placeText, area, recency, agents, vehicles, value,
				photo, note);
	}

	ReportDraft withPhoto(String value) {
		return new ReportDraft(step, turn, language, kind, location, placeText, area, recency, agents, vehicles, uniforms,
				value, note);
	}

	ReportDraft withNote(String value) {
		return new ReportDraft(step, turn, language, kind, location, placeText, area, recency, agents, vehicles, uniforms,
				photo, value);
	}

	/** Whether every required answer is there (kind, location, recency). */
	public boolean complete() {
		return kind != null && location != null && recency != null;
	}

	@Override
	public String toString() {
		return "ReportDraft[" + step + ", turn " + turn + "]";
	}

}
