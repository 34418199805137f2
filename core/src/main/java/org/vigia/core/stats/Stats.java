package org.vigia.core.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregate counters by UTC hour and duration measurements by UTC day, with no ids, for dispatchers and the
 * console. Counting and measuring are best effort: while the storage is unavailable a count is lost rather than
 * failing what it counts.
 */
public interface Stats {

	/** Adds one to a metric (e.g. {@code report}, {@code outcome-not_ice}) in the current hour. */
	void count(String metric);

	/** The counters of the hour that contains now. */
	Map<String, Long> currentHour();

	/** The counters of each of the last {@code hours} UTC hours, oldest first (hour label → metric → count). */
	LinkedHashMap<String, Map<String, Long>> lastHours(int hours);

	/** Records one measurement of a duration metric in today's list (e.g. seconds from first report to verdict). */
	void measure(String metric, long value);

	/** The median of a duration metric over the last {@code days} UTC days, or -1 without measurements. */
	long median(String metric, int days);

	/** Every measurement of a duration metric over the last {@code days} UTC days (no ids), unordered. */
	List<Long> values(String metric, int days);

}
