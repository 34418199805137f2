package org.vigia.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * The simulator's command line. Runs one simulated day of a city against Vigía's real engine and prints the
 * figures as a table; writes them as JSON and the day as a chart (PNG) into {@code --out} (default
 * {@code simulator-report}). With {@code --compare name=v1,v2,...} it runs the same city under each value of one
 * option or setting and prints the tables side by side.
 *
 * <pre>
 * ./mvnw -B -q -pl simulator -am package -DskipTests
 * java -jar simulator/target/simulator.jar --seed=1 --compare quorum=1,2,3
 * </pre>
 *
 * Options (defaults in brackets): --seed [1] --neighborhoods FILE [the sample counties] --residents [10000]
 * --observers [300] --ice-scenes [50] --mistaken-scenes [200] --flood-reports [2000] --flood-accounts [100]
 * --infiltrators [0] --infiltrator-days [7] --truthful [0.9] --accepting [0.8] --hours [4]; Vigía's settings --quorum [2] --quorum-newcomers [14]
 * --merge-radius [300] --merge-window [45] --dispatch-observers [5] --dispatch-radius [3000] --widened-radius
 * [6000] --widen-after [5] --answer-within [3] --unverified [60].
 */
public final class Simulator {

	private Simulator() {
	}

	public static void main(String[] args) throws IOException {
		var options = new LinkedHashMap<String, String>();
		String compare = null;
		Path out = Path.of("simulator-report");
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("options start with --, got " + arg);
			}
			String name = arg.substring(2);
			String value;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			switch (name) {
				case "compare" -> compare = value;
				case "out" -> out = Path.of(value);
				default -> options.put(name, value);
			}
		}
		CityOptions base = CityOptions.parse(options, CityOptions.defaults());
		var runs = new LinkedHashMap<String, Figures>();
		if (compare == null) {
			runs.put("run", new City(base).run());
		}
		else {
			int eq = compare.indexOf('=');
			if (eq < 1) {
				throw new IllegalArgumentException("--compare needs name=v1,v2,..., got " + compare);
			}
			String name = compare.substring(0, eq);
			for (String value : compare.substring(eq + 1).split(",")) {
				runs.put(name + "=" + value.strip(), new City(base.with(name, value.strip())).run());
			}
		}
		System.out.println(Reports.table(runs));
		Files.createDirectories(out);
		Files.writeString(out.resolve("figures.json"), Reports.json(runs), StandardCharsets.UTF_8);
		for (var run : runs.entrySet()) {
			String file = runs.size() == 1 ? "timeline.png" : "timeline-" + run.getKey().replaceAll("[^A-Za-z0-9.=-]", "_") + ".png";
			Reports.chart(run.getValue(), out.resolve(file));
		}
		System.out.println("Figures and charts written to " + out.toAbsolutePath());
	}

}
