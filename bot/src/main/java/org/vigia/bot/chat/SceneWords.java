package org.vigia.bot.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.vigia.bot.channel.Publisher;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.store.RedisReportStore;
import org.vigia.core.chat.Text;
import org.vigia.core.incident.Incident;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.report.Report;

/**
 * A scene in the words people read: what residents said is happening, where (the place words a resident gave,
 * else the neighborhood), and times of day in the network's zone. Never who reported. Thread-safe.
 */
public final class SceneWords {

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	private final RedisReportStore reports;

	private final NeighborhoodDirectory neighborhoods;

	private final ZoneId zone;

	public SceneWords(RedisReportStore reports, NeighborhoodDirectory neighborhoods, ZoneId zone) {
		this.reports = reports;
		this.neighborhoods = neighborhoods;
		this.zone = zone;
	}

	/** What is happening, as the label residents chose it from. */
	public Text what(Incident incident) {
		return Text.of(Publisher.kindKey(incident));
	}

	/**
	 * Where: the first place words a report of the scene carries (a venue, cross streets, a neighborhood picked),
	 * else the name of the neighborhood around its center, else "the area".
	 */
	public Object where(Incident incident) {
		return reports.findAll(incident.reports()).stream().map(Report::placeText)
			.filter(p -> p != null && !p.isBlank())
			.<Object>map(p -> p)
			.findFirst()
			.orElseGet(() -> neighborhoods.lookup(incident.center()).found().map(Neighborhood::name)
				.<Object>map(n -> n)
				.orElse(Text.of("scene.somewhere")));
	}

	/** A time of day, "10:42". */
	public String time(Instant instant) {
		return HOURS.format(instant.atZone(zone));
	}

}
