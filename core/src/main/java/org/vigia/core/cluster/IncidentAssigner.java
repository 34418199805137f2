package org.vigia.core.cluster;

import org.vigia.core.report.Report;

/**
 * Puts a report into the incident of its scene, or opens a new incident (the merge rule of DESIGN.md:
 * the nearest open incident whose anchor lies within the merge radius and whose latest report is within
 * the time window).
 *
 * <p>Implementations are atomic: two callers placing reports of one scene at the same time, in one
 * process or in two, never open two incidents for it.
 */
public interface IncidentAssigner {

	Placement assign(Report report);

}
