package org.vigia.simulator;

import java.time.Instant;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.report.ReportKind;

/**
 * Something that happened in the simulated city, as the simulator knows it and Vigía must find out: a real
 * immigration enforcement scene, local police or nothing that residents mistook for one, or a made-up report
 * (a flood account's or infiltrators').
 *
 * @param number the scene's number in the run
 * @param truth what it really was
 * @param place where
 * @param start when it began (a made-up one: when it was reported)
 * @param end when it was over; an observer who arrives later sees nothing
 * @param kind what residents describe
 */
record Scene(int number, Truth truth, GeoPoint place, Instant start, Instant end, ReportKind kind) {

	/** What a scene really was. */
	enum Truth {

		/** Immigration enforcement: the one thing to alert. */
		ICE,
		/** Local police, mistaken by residents for ICE. */
		POLICE,
		/** Nothing there by the time anyone looks, or never was. */
		NOTHING,
		/** A malicious report: a flood account's. */
		FLOOD,
		/** A report staged by colluding infiltrators at their own spot. */
		STAGED;

		/** Whether an honest resident reported it in good faith. */
		boolean honest() {
			return this == ICE || this == POLICE || this == NOTHING;
		}

	}

	/** What an observer standing at the scene at {@code at} would see. */
	VerdictKind seenAt(Instant at) {
		if (at.isBefore(start) || !at.isBefore(end)) {
			return VerdictKind.NOTHING_THERE;
		}
		return switch (truth) {
			case ICE -> VerdictKind.ICE_CONFIRMED;
			case POLICE -> VerdictKind.LOCAL_POLICE;
			default -> VerdictKind.NOTHING_THERE;
		};
	}

}
