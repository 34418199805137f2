package org.vigia.core.cluster;

import org.vigia.core.report.Report;

/**
 * Puts a report into the incident of its scene, or opens a new incident: the merge rule, one rule for every
 * instance, decided where the incidents are stored.
 *
 * <p><b>The rule.</b> A report and an open incident are close enough in <em>time</em> when the report's
 * sighting span {@code [seenAt, receivedAt]} and the incident's active span {@code [openedAt, lastReportAt]}
 * are at most the window apart (zero when they overlap): a report seen "now" joins an incident whose latest
 * report is at most the window old; a stale ("earlier") report, whose sighting is estimated an hour before it
 * arrived, joins the incident that was active when it was seen; a late retry joins the incident it was part
 * of, but never one opened more than the window after it arrived. Then:
 * <ol>
 * <li>A report at a <b>point</b> joins the <em>nearest</em> open incident, close enough in time, whose
 * <em>anchor</em> (its first point, which never moves) lies within the merge radius, measured on the sphere
 * of the mean Earth radius; at equal distance, the smallest incident id. Measuring from the anchor, not the
 * center, keeps a chain of reports 250 m apart along a street from snowballing into one incident.</li>
 * <li>Failing that, a point report inside an area joins the most recent area-only incident of that area
 * (opened by an area report, with no point yet), close enough in time; at equal latest report, the smallest
 * id. That report gives the incident its point: its anchor, from then on, and its center (the area reports'
 * positions are moved to it, since they only said "somewhere in this area").</li>
 * <li>A report placed by picking an <b>area</b> ({@link Report#approximate()}) joins the most recent open
 * incident in that area, close enough in time: one anchored at a point inside the area, or area-only; at
 * equal latest report, the smallest id. It never pulls the incident's center: it counts at the incident's
 * place.</li>
 * <li>Otherwise the report opens an incident: anchored at its point, or area-only.</li>
 * </ol>
 * The kind of scene does not take part, for points as for areas: residents describe one scene differently.
 *
 * <p>Implementations are atomic: two callers placing reports of one scene at the same time, in one process or
 * in two, never open two incidents for it; replaying a report already placed changes nothing.
 */
public interface IncidentAssigner {

	Placement assign(Report report);

}
