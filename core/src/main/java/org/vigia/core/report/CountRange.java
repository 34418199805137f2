package org.vigia.core.report;

import java.util.List;

/**
 * A count as a resident gives it: one of the ranges the report offers ("3–5 agents", "4 or more
 * vehicles"), not an exact number nobody counted. Kept as chosen so that whatever shows it later (the
 * summary, an observer's prompt) can say exactly what the resident said.
 *
 * @param low at least this many; 0 with {@code high} 0 for "not sure" / "none"
 * @param high at most this many, {@link #OPEN} for "more than …"
 */
public record CountRange(int low, int high) {

	/** The upper bound of an open range ("more than 10"). */
	public static final int OPEN = Integer.MAX_VALUE;

	/** "Not sure", or (vehicles) "none / not sure". */
	public static final CountRange UNKNOWN = new CountRange(0, 0);

	/** The ranges the report offers for agents, smallest first (DESIGN.md, guided report step 4). */
	public static final List<CountRange> AGENTS = List.of(new CountRange(1, 2), new CountRange(3, 5),
			new CountRange(6, 10), new CountRange(11, OPEN));

	/** The ranges the report offers for vehicles, smallest first. */
	public static final List<CountRange> VEHICLES = List.of(new CountRange(1, 1), new CountRange(2, 3),
			new CountRange(4, OPEN));

	public CountRange {
		if (low < 0 || low > 500 || high < low || (low == 0) != (high == 0)) {
			throw new IllegalArgumentException("a count range needs 0 <= low <= 500 and low <= high, and is 0-0 "
					+ "only when unknown; was " + low + "-" + high);
		}
	}

	public boolean known() {
		return low > 0;
	}

	/** Whether the range has no upper bound ("more than 10"). */
	public boolean open() {
		return high == OPEN;
	}

	/**
	 * The range in digits, the same in every language: "3–5", "1", "11+"; empty when unknown. For places that
	 * show numbers without words (the console's table); people's messages use the words of the buttons.
	 */
	public String numbers() {
		if (!known()) {
			return "";
		}
		return open() ? low + "+" : low == high ? Integer.toString(low) : low + "–" + high;
	}

	/**
	 * One number inside the range standing for it where one number is needed (comparing reports, a button's
	 * value): the middle rounded up, or one more than the lower bound of an open range; 0 when unknown. Show
	 * people the range, never this number.
	 */
	public int typical() {
		if (open()) {
			return low + 1;
		}
		return (low + high + 1) / 2;
	}

	/**
	 * The range a single number stands for: the offered range whose {@link #typical()} it is (before reports
	 * kept ranges, each answer was stored as that number: 2, 4, 8, 12 agents and 1, 3, 5 vehicles), else
	 * exactly that many.
	 *
	 * @throws IllegalArgumentException if {@code number} is negative or over 500
	 */
	public static CountRange standingFor(int number) {
		if (number == 0) {
			return UNKNOWN;
		}
		for (List<CountRange> offered : List.of(AGENTS, VEHICLES)) {
			for (CountRange range : offered) {
				if (range.typical() == number) {
					return range;
				}
			}
		}
		return new CountRange(number, number);
	}

}
