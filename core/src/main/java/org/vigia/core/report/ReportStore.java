package org.vigia.core.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where submitted reports live until retention purges them.
 *
 * <p>Implementations are thread-safe. Every stored report expires: {@code ttl} is measured from the
 * time of saving and extended by {@link #retain} when its incident closes.
 */
public interface ReportStore {

	void save(Report report, Duration ttl);

	Optional<Report> find(ReportId id);

	/** The reports with these ids that still exist, in the given order; missing ids are skipped. */
	List<Report> findAll(List<ReportId> ids);

	/** Sets the remaining lifetime of these reports (used when their incident closes). */
	void retain(List<ReportId> ids, Duration ttl);

}
