package org.vigia.bot.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.vigia.bot.dispatcher.DispatcherDesk;
import org.vigia.bot.incident.Verification;
import org.vigia.bot.messages.Replies;
import org.vigia.bot.neighborhood.NeighborhoodDirectory;
import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.messaging.Address;
import org.vigia.core.neighborhood.Neighborhood;
import org.vigia.core.neighborhood.NeighborhoodMap;
import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.ObserverId;
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
 * the chosen neighborhoods (all by default; on the nearest street when a geocoder is set, {@link ScenePoints}), spread
 * over the minutes, each run through the real pipeline
 * ({@link Verification}: dispatch to the nearest on-duty observers, "I'm going", verdicts, quorum) as a drill
 * incident ({@link IncidentId#drill()}): never a merge target, never told to residents, posted only to the drill
 * channel or the dispatchers, every message marked as a drill.
 *
 * <p>A scene due later is a deadline in Redis ({@link #SCENE}), so it starts after a restart too; its synthetic
 * report is stored until then with the open-incident retention, like every report.
 *
 * <p>Who takes part: every observer on duty near a scene, as in a raid; or, for a drill started from the console
 * ({@link DrillCommands}), only the observers the coordinator chose ({@link RedisDrills#participants}): the dispatch
 * asks nobody else about its scenes.
 */
public final class DrillDesk {

	/** The deadline kind of a drill scene that starts later. */
	public static final String SCENE = "drill-scene";

	static final int MAX_SCENES = 20;

	static final int MAX_MINUTES = 240;

	private final Replies replies;

	private final DispatcherDesk dispatchers;

	private final NeighborhoodDirectory neighborhoods;

	private final Scenes store;

	private final Verification verification;

	private final ScenePoints points;

	private final Clock clock;

	/**
	 * Where a drill's scenes are kept: its synthetic reports, incidents, later starts and the list of scenes for
	 * the report; and the observers, for their names in it.
	 */
	public record Scenes(IncidentStore incidents, ReportStore reports, DeadlineSchedule schedule, Drills drills,
			ObserverStore observers, VigiaSettings settings) {
	}

	public DrillDesk(Replies replies, DispatcherDesk dispatchers, NeighborhoodDirectory neighborhoods, Scenes store,
			Verification verification, ScenePoints points, Clock clock, java.time.ZoneId zone) {
		this.replies = replies;
		this.dispatchers = dispatchers;
		this.neighborhoods = neighborhoods;
		this.store = store;
		this.verification = verification;
		this.points = points;
		this.clock = clock;
		this.reports = new DrillReports(replies, store.drills(), store.incidents(), store.observers(), zone);
		verification.candidates(this::participantsAmong);
	}

	/**
	 * What a drill is to be.
	 *
	 * @param where the neighborhoods its scenes are placed in, at least one
	 * @param scenes how many, 1 to {@link #MAX_SCENES}
	 * @param minutes over how long, 0 to {@link #MAX_MINUTES}: the first starts at once, the others spread over it
	 * @param participants the only observers asked about its scenes; empty: every observer on duty near them
	 * @param language the language of its synthetic reports
	 * @param stem what the scenes' ids are made from (the same stem gives the same ids), or null for random ids
	 */
	record Plan(List<Neighborhood> where, int scenes, int minutes, Set<ObserverId> participants, String language,
			String stem) {

		Plan {
			where = List.copyOf(where);
			participants = Set.copyOf(participants);
			if (where.isEmpty() || scenes < 1 || scenes > MAX_SCENES || minutes < 0 || minutes > MAX_MINUTES) {
				throw new IllegalArgumentException("a drill needs a neighborhood, 1 to " + MAX_SCENES + " scenes and 0 to "
						+ MAX_MINUTES + " minutes, had " + where.size() + ", " + scenes + ", " + minutes);
			}
		}

	}

	/** The neighborhoods in force, if any. */
	Optional<NeighborhoodMap> map() {
		return neighborhoods.map();
	}

	/** The id a plan gives its {@code n}th scene (0-based), or null if its ids are random. */
	static IncidentId sceneId(Plan plan, int n) {
		if (plan.stem() == null) {
			return null;
		}
		return new IncidentId(IncidentId.DRILL_PREFIX + "c" + plan.stem() + Integer.toString(n, 36));
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
		Plan plan = new Plan(chosen, request.get().scenes(), request.get().minutes(), Set.of(), language, null);
		Placed placed = place(map.get(), plan);
		replies.say(chat, language, "drill.started", plan.scenes(), plan.minutes(),
				String.join(", ", chosen.stream().map(Neighborhood::name).toList()));
		placed.now().forEach(this::due);
	}

	/**
	 * Starts a drill: its first scene at once, the others when their time comes.
	 *
	 * @return how many scenes it has (a neighborhood with no usable polygon gets none)
	 */
	int begin(NeighborhoodMap map, Plan plan) {
		Placed placed = place(map, plan);
		placed.now().forEach(this::due);
		return placed.count();
	}

	/** How many scenes a drill got, and those of them that start now. */
	private record Placed(int count, List<IncidentId> now) {
	}

	/** Stores the plan's scenes and schedules the later ones. */
	private Placed place(NeighborhoodMap map, Plan plan) {
		Instant now = clock.instant();
		Duration over = Duration.ofMinutes(plan.minutes());
		var started = new ArrayList<IncidentId>();
		int count = 0;
		ScenePoints.Placing placing = points.placing(map);
		for (int i = 0; i < plan.scenes(); i++) {
			Optional<GeoPoint> point = placing.in(placing.pick(plan.where()));
			if (point.isEmpty()) {
				continue;
			}
			Instant at = now.plus(over.multipliedBy(i).dividedBy(plan.scenes()));
			IncidentId id = plan.stem() == null ? points.newId(at) : sceneId(plan, i);
			// who takes part is known before the scene is listed or opened: nobody else is ever asked about it
			store.drills().participants(id, plan.participants());
			store.drills().add(id, at);
			count++;
			store.reports().save(new Report(new ReportId(id.value()), ReportKind.OTHER, point.get(), null, null,
					Recency.NOW, at, at, null, null, null, new Pseudonym("drill"), plan.language()),
					store.settings().retention().open());
			if (at.equals(now)) {
				started.add(id);
			}
			else {
				store.schedule().schedule(new Deadline(SCENE, id, at));
			}
		}
		return new Placed(count, started);
	}

	/** Of the observers on duty near a scene, those who may be asked: a drill's participants, if it has a list. */
	private List<NearbyObserver> participantsAmong(Incident incident, List<NearbyObserver> nearby) {
		if (!incident.id().drill()) {
			return nearby;
		}
		Set<ObserverId> chosen = store.drills().participants(incident.id());
		return chosen.isEmpty() ? nearby : nearby.stream().filter(o -> chosen.contains(o.id())).toList();
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
