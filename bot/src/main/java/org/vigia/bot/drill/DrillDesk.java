package org.vigia.bot.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.vigia.bot.dispatcher.DispatcherDesk;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.messaging.Address;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.neighborhood.NeighborhoodMap;
import org.vigia.core.observer.ObserverStore;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.ReportStore;
import org.vigia.core.incident.Deadline;
import org.vigia.core.incident.DeadlineSchedule;
import org.vigia.core.drill.Drills;

/**
 * A dispatcher's {@code /drill [scenes] [minutes] [neighborhood names]} (and {@code /drill report}, {@link DrillReports}): practice scenes at random points inside
 * the chosen neighborhoods (all by default), spread over the minutes, each run through the real pipeline
 * ({@link Verification}: dispatch to the nearest on-duty observers, "I'm going", verdicts, quorum) as a drill
 * incident ({@link IncidentId#drill()}): never a merge target, never told to residents, posted only to the drill
 * channel or the dispatchers, every message marked as a drill.
 *
 * <p>A scene due later is a deadline in Redis ({@link #SCENE}), so it starts after a restart too; its synthetic
 * report is stored until then with the open-incident retention, like every report.
 */
public final class DrillDesk {

	/** The deadline kind of a drill scene that starts later. */
	public static final String SCENE = "drill-scene";

	static final int MAX_SCENES = 20;

	static final int MAX_MINUTES = 240;

	private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	private final Replies replies;

	private final DispatcherDesk dispatchers;

	private final NeighborhoodDirectory neighborhoods;

	private final Scenes store;

	private final Verification verification;

	private final RandomGenerator random;

	private final Clock clock;

	/**
	 * Where a drill's scenes are kept: its synthetic reports, incidents, later starts and the list of scenes for
	 * the report; and the observers, for their names in it.
	 */
	public record Scenes(IncidentStore incidents, ReportStore reports, DeadlineSchedule schedule, Drills drills,
			ObserverStore observers, VigiaSettings settings) {
	}

	public DrillDesk(Replies replies, DispatcherDesk dispatchers, NeighborhoodDirectory neighborhoods, Scenes store,
			Verification verification, RandomGenerator random, Clock clock, java.time.ZoneId zone) {
		this.replies = replies;
		this.dispatchers = dispatchers;
		this.neighborhoods = neighborhoods;
		this.store = store;
		this.verification = verification;
		this.random = random;
		this.clock = clock;
		this.reports = new DrillReports(replies, store.drills(), store.incidents(), store.observers(), zone);
	}

	private final DrillReports reports;

	/** {@code /drill}, from a dispatcher only. */
	public void start(Address chat, String language, String argument) {
		if (!dispatchers.isDispatcher(chat)) {
			replies.say(chat, language, "dispatcher.only");
			return;
		}
		if (argument != null && argument.strip().equalsIgnoreCase("report")) {
			reports.send(chat, language);
			return;
		}
		Optional<NeighborhoodMap> map = neighborhoods.map();
		Optional<Request> request = Request.read(argument == null ? "" : argument);
		if (map.isEmpty() || request.isEmpty()) {
			replies.say(chat, language, "drill.usage", MAX_SCENES, MAX_MINUTES);
			return;
		}
		List<Neighborhood> chosen = request.get().names().isBlank() ? map.get().all()
				: map.get().all().stream().filter(n -> request.get().names().toLowerCase(Locale.ROOT)
					.contains(n.name().toLowerCase(Locale.ROOT))).toList();
		if (chosen.isEmpty()) {
			replies.say(chat, language, "drill.usage", MAX_SCENES, MAX_MINUTES);
			return;
		}
		Instant now = clock.instant();
		Duration over = Duration.ofMinutes(request.get().minutes());
		int scenes = request.get().scenes();
		var started = new ArrayList<IncidentId>();
		for (int i = 0; i < scenes; i++) {
			Neighborhood n = chosen.get(random.nextInt(chosen.size()));
			Optional<GeoPoint> point = pointIn(map.get(), n);
			if (point.isEmpty()) {
				continue;
			}
			Instant at = now.plus(over.multipliedBy(i).dividedBy(scenes));
			IncidentId id = newId(at);
			store.drills().add(id, at);
			store.reports().save(new Report(new ReportId(id.value()), ReportKind.OTHER, point.get(), null, null,
					Recency.NOW, at, at, null, null, null, new Pseudonym("drill"), language), store.settings().retention().open());
			if (at.equals(now)) {
				started.add(id);
			}
			else {
				store.schedule().schedule(new Deadline(SCENE, id, at));
			}
		}
		replies.say(chat, language, "drill.started", scenes, request.get().minutes(),
				String.join(", ", chosen.stream().map(Neighborhood::name).toList()));
		started.forEach(this::due);
	}

	/** A drill scene's time came: it opens as a drill incident and the real dispatch asks observers. */
	public void due(IncidentId id) {
		if (!id.drill() || store.incidents().find(id).isPresent()) {
			return;
		}
		store.reports().find(new ReportId(id.value())).ifPresent(report -> {
			var incident = IncidentMerge.open(id, report);
			store.incidents().openDrill(incident, store.settings().retention().open());
			verification.opened(incident);
		});
	}

	/** A random point inside the neighborhood's polygon (rejection sampling within its bounds). */
	private Optional<GeoPoint> pointIn(NeighborhoodMap map, Neighborhood n) {
		Optional<double[]> bounds = map.bounds(n.id());
		if (bounds.isEmpty()) {
			return Optional.empty();
		}
		double[] b = bounds.get();
		for (int attempt = 0; attempt < 1000; attempt++) {
			var p = GeoPoint.of(b[1] + random.nextDouble() * (b[3] - b[1]), b[0] + random.nextDouble() * (b[2] - b[0]));
			if (map.lookup(p).found().filter(f -> f.id().equals(n.id())).isPresent()) {
				return Optional.of(p);
			}
		}
		return map.interiorPoint(n.id());
	}

	private IncidentId newId(Instant at) {
		var id = new StringBuilder(IncidentId.DRILL_PREFIX).append(Long.toString(at.toEpochMilli(), 36));
		for (int i = 0; i < 5; i++) {
			id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return new IncidentId(id.toString());
	}

	/** What the dispatcher typed: scenes (default 3), minutes (default 30), then neighborhood names (default all). */
	record Request(int scenes, int minutes, String names) {

		static Optional<Request> read(String argument) {
			String[] words = argument.strip().split("\\s+", 3);
			int scenes = 3;
			int minutes = 30;
			int used = 0;
			try {
				if (words.length > 0 && words[0].matches("\\d{1,3}")) {
					scenes = Integer.parseInt(words[0]);
					used = 1;
					if (words.length > 1 && words[1].matches("\\d{1,4}")) {
						minutes = Integer.parseInt(words[1]);
						used = 2;
					}
				}
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
			if (scenes < 1 || scenes > MAX_SCENES || minutes < 0 || minutes > MAX_MINUTES) {
				return Optional.empty();
			}
			String rest = String.join(" ", java.util.Arrays.asList(words).subList(Math.min(used, words.length), words.length));
			return Optional.of(new Request(scenes, minutes, rest.strip()));
		}

	}

}
