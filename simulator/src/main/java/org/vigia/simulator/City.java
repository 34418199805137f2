package org.vigia.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.messaging.Address;
import org.vigia.core.report.Recency;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Uniform;

/**
 * One simulated day of a city against Vigía's engine: observers join (weeks to months before; infiltrators
 * days before) and go on duty; real and mistaken scenes happen and are reported by residents standing there;
 * flood accounts report made-up scenes; infiltrators stage one by their spot every hour. Then the engine's
 * deadlines run out and the figures are taken.
 *
 * <p>Every random draw comes from one seeded generator per purpose and per person, so the same options give
 * the same run.
 */
final class City {

	/** The day starts at a fixed instant, so that a seed alone decides a run. */
	static final Instant START = Instant.parse("2026-06-01T14:00:00Z");

	private final CityOptions options;

	private final String geoJson;

	private final CityMap map;

	City(CityOptions options) {
		this.options = options;
		this.geoJson = read(options.neighborhoods());
		this.map = new CityMap(geoJson);
	}

	private static String read(String file) {
		try {
			if (file != null) {
				return Files.readString(Path.of(file), StandardCharsets.UTF_8);
			}
			try (InputStream in = City.class.getResourceAsStream("/sample-counties.geojson")) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the neighborhoods file cannot be read", ex);
		}
	}

	/** Runs the day and measures it. */
	Figures run() {
		var time = new VirtualTime(START.minus(Duration.ofDays(400)));
		var messenger = new SimulatedMessenger(time);
		var ledger = new Ledger();
		Path file = writeNeighborhoods();
		try (var engine = new Engine(time, messenger, options.settings(), file)) {
			Instant end = START.plus(options.length());
			var scenes = scenes(ledger);
			List<Watcher> watchers = observers(time, messenger, engine, ledger, scenes);
			time.runUntil(START.minus(Duration.ofMinutes(10)));
			watchers.forEach(w -> time.after(Duration.ofSeconds(1), w::goOnDuty));
			// live locations keep observers on duty through the day
			time.every(Duration.ofMinutes(30), end.plus(Duration.ofHours(2)),
					() -> watchers.forEach(w -> w.moveTo(w.position())));
			time.runUntil(START);
			time.every(Duration.ofSeconds(1), end.plus(Duration.ofMinutes(90)), engine::tick);
			residentsReport(time, messenger, engine, ledger, scenes);
			floods(time, messenger, engine, ledger);
			stagings(time, messenger, engine, ledger, watchers, end);
			long began = System.nanoTime();
			time.every(Duration.ofMinutes(30), end.plus(Duration.ofMinutes(90)), () -> System.err.printf(
					"simulated %s of %s, %d s of wall time%n", Duration.between(START, time.instant()).toMinutes() + " min",
					options.length().plusMinutes(90).toMinutes() + " min", (System.nanoTime() - began) / 1_000_000_000));
			time.runUntil(end.plus(Duration.ofMinutes(90)));
			return Figures.of(options, ledger, engine.allIncidents(), messenger, watchers, START, end,
					engine::observerAddress);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a temporary file left behind is harmless
			}
		}
	}

	private Path writeNeighborhoods() {
		try {
			Path file = Files.createTempFile("vigia-simulator", ".geojson");
			Files.writeString(file, geoJson, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Scene> scenes(Ledger ledger) {
		var random = new Random(options.seed() * 7919 + 1);
		var scenes = new ArrayList<Scene>();
		long minutes = Math.max(1, options.length().toMinutes() - 30);
		int count = options.iceScenes() + options.mistakenScenes();
		for (int i = 0; i < count; i++) {
			Scene.Truth truth = i < options.iceScenes() ? Scene.Truth.ICE
					: random.nextBoolean() ? Scene.Truth.POLICE : Scene.Truth.NOTHING;
			Instant start = START.plus(Duration.ofSeconds(random.nextLong(minutes * 60)));
			Duration lasts = switch (truth) {
				case ICE -> Duration.ofMinutes(30 + random.nextInt(91));
				case POLICE -> Duration.ofMinutes(15 + random.nextInt(46));
				default -> Duration.ofMinutes(5 + random.nextInt(16));
			};
			ReportKind kind = List.of(ReportKind.DETENTION, ReportKind.VEHICLES_WAITING, ReportKind.CHECKPOINT,
					ReportKind.HOME_OR_WORKPLACE).get(random.nextInt(4));
			var scene = new Scene(i, truth, map.randomPlace(random), start, start.plus(lasts), kind);
			scenes.add(scene);
			ledger.scene(scene);
		}
		return scenes;
	}

	private List<Watcher> observers(VirtualTime time, SimulatedMessenger messenger, Engine engine, Ledger ledger,
			List<Scene> scenes) {
		var random = new Random(options.seed() * 7919 + 2);
		var watchers = new ArrayList<Watcher>();
		var joins = new ArrayList<Map.Entry<Instant, Watcher>>();
		GeoPoint den = map.randomPlace(random);
		int total = options.observers() + options.infiltrators();
		for (int i = 0; i < total; i++) {
			boolean infiltrator = i >= options.observers();
			var address = new Address(org.vigia.core.messaging.Transport.SIMULATED, Address.Kind.PERSON,
					(infiltrator ? "i" : "o") + i);
			GeoPoint home = infiltrator ? CityMap.near(den, 30, random) : map.randomPlace(random);
			var speed = Watcher.Speed.values()[random.nextInt(3)];
			var watcher = new Watcher(address, time, engine.handler(), ledger, options.seed() * 1_000_003L + i,
					speed, infiltrator, options.truthful(), options.accepting(), home,
					(place, at) -> whatIsThere(scenes, place, at));
			messenger.register(address, watcher);
			watchers.add(watcher);
			// honest observers joined over the past year; infiltrators days ago
			long days = infiltrator ? 1 + random.nextInt(options.infiltratorDays()) : 1 + random.nextInt(365);
			joins.add(Map.entry(START.minus(Duration.ofDays(days)).plusSeconds(i), watcher));
		}
		joins.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
		for (var join : joins) {
			String code = engine.invite();
			time.at(join.getKey(), () -> join.getValue().join(code));
		}
		return watchers;
	}

	/** What stands at a place at a time: the nearest scene within 150 m going on then, else nothing. */
	private static VerdictKind whatIsThere(List<Scene> scenes, GeoPoint place, Instant at) {
		Scene nearest = null;
		double best = 150;
		for (Scene s : scenes) {
			double m = s.place().metersTo(place);
			if (m <= best && !at.isBefore(s.start()) && at.isBefore(s.end())) {
				best = m;
				nearest = s;
			}
		}
		return nearest == null ? VerdictKind.NOTHING_THERE : nearest.seenAt(at);
	}

	private void residentsReport(VirtualTime time, SimulatedMessenger messenger, Engine engine, Ledger ledger,
			List<Scene> scenes) {
		var random = new Random(options.seed() * 7919 + 3);
		var reporters = new HashMap<Integer, Reporter>();
		for (Scene scene : scenes) {
			int count = scene.truth() == Scene.Truth.ICE ? 2 + random.nextInt(7) : 1 + random.nextInt(4);
			Duration spread = Duration.between(scene.start(), scene.end());
			for (int r = 0; r < count; r++) {
				int who = random.nextInt(options.residents());
				Reporter reporter = reporters.computeIfAbsent(who, w -> reporter(time, messenger, engine, ledger,
						"r" + w, Duration.ofSeconds(4)));
				// the first report within minutes; the rest while the scene lasts
				Duration after = r == 0 ? Duration.ofSeconds(60 + random.nextInt(540))
						: Duration.ofSeconds(60 + random.nextLong(Math.max(60, spread.toSeconds())));
				Uniform uniform = switch (scene.truth()) {
					case ICE -> List.of(Uniform.ICE, Uniform.HSI, Uniform.ERO, Uniform.PLAIN_CLOTHES, Uniform.UNSURE)
						.get(random.nextInt(5));
					case POLICE -> random.nextBoolean() ? Uniform.POLICE : Uniform.UNSURE;
					default -> Uniform.UNSURE;
				};
				var plan = new Reporter.Plan(scene, CityMap.near(scene.place(), 25, random), scene.kind(), uniform,
						Recency.NOW);
				time.at(scene.start().plus(after), () -> reporter.report(plan));
			}
		}
	}

	private void floods(VirtualTime time, SimulatedMessenger messenger, Engine engine, Ledger ledger) {
		var random = new Random(options.seed() * 7919 + 4);
		var accounts = new ArrayList<Reporter>();
		for (int a = 0; a < options.floodAccounts(); a++) {
			accounts.add(reporter(time, messenger, engine, ledger, "f" + a, Duration.ofSeconds(1)));
		}
		long seconds = options.length().toSeconds();
		for (int i = 0; i < options.floodReports(); i++) {
			Reporter account = accounts.get(random.nextInt(accounts.size()));
			Instant at = START.plusSeconds(random.nextLong(seconds));
			GeoPoint place = map.randomPlace(random);
			var scene = new Scene(-1, Scene.Truth.FLOOD, place, at, at, ReportKind.values()[random.nextInt(5)]);
			var plan = new Reporter.Plan(scene, place, scene.kind(), Uniform.ICE, Recency.NOW);
			time.at(at, () -> account.report(plan));
		}
	}

	/** Infiltrators gather at a new spot every hour; an accomplice reports a detention there five minutes later. */
	private void stagings(VirtualTime time, SimulatedMessenger messenger, Engine engine, Ledger ledger,
			List<Watcher> watchers, Instant end) {
		var crew = watchers.stream().filter(Watcher::infiltrator).toList();
		if (crew.isEmpty()) {
			return;
		}
		var random = new Random(options.seed() * 7919 + 5);
		Reporter accomplice = reporter(time, messenger, engine, ledger, "x0", Duration.ofSeconds(2));
		for (Instant at = START.plus(Duration.ofMinutes(20)); at.isBefore(end); at = at.plus(Duration.ofHours(1))) {
			GeoPoint spot = map.randomPlace(random);
			var scene = new Scene(-2, Scene.Truth.STAGED, spot, at, at, ReportKind.DETENTION);
			time.at(at, () -> crew.forEach(w -> w.moveTo(CityMap.near(spot, 20, random))));
			var plan = new Reporter.Plan(scene, spot, ReportKind.DETENTION, Uniform.ICE, Recency.NOW);
			time.at(at.plus(Duration.ofMinutes(5)), () -> accomplice.report(plan));
		}
	}

	private Reporter reporter(VirtualTime time, SimulatedMessenger messenger, Engine engine, Ledger ledger, String id,
			Duration think) {
		var address = new Address(org.vigia.core.messaging.Transport.SIMULATED, Address.Kind.PERSON, id);
		var reporter = new Reporter(address, time, engine.handler(), ledger, new Random(options.seed() * 131 + id.hashCode()),
				think);
		messenger.register(address, reporter);
		return reporter;
	}

}
