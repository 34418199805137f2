package org.vigia.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The figures of one or more runs as a table (runs side by side), as JSON, and a run's day as a chart. */
final class Reports {

	private Reports() {
	}

	static String table(Map<String, Figures> runs) {
		var names = new ArrayList<>(runs.keySet());
		var first = runs.values().iterator().next();
		int labelWidth = first.values().keySet().stream().mapToInt(String::length).max().orElse(10);
		var widths = new ArrayList<Integer>();
		for (String name : names) {
			int w = name.length();
			for (Object v : runs.get(name).values().values()) {
				w = Math.max(w, String.valueOf(v).length());
			}
			widths.add(w);
		}
		var out = new StringBuilder();
		out.append("| ").append(pad("", labelWidth));
		for (int i = 0; i < names.size(); i++) {
			out.append(" | ").append(pad(names.get(i), widths.get(i)));
		}
		out.append(" |\n|-").append("-".repeat(labelWidth));
		for (int w : widths) {
			out.append("-|-").append("-".repeat(w));
		}
		out.append("-|\n");
		for (String label : first.values().keySet()) {
			out.append("| ").append(pad(label, labelWidth));
			for (int i = 0; i < names.size(); i++) {
				out.append(" | ").append(pad(String.valueOf(runs.get(names.get(i)).values().get(label)), widths.get(i)));
			}
			out.append(" |\n");
		}
		return out.toString();
	}

	private static String pad(String s, int width) {
		return s + " ".repeat(Math.max(0, width - s.length()));
	}

	static String json(Map<String, Figures> runs) {
		var out = new StringBuilder("{");
		boolean firstRun = true;
		for (var run : runs.entrySet()) {
			out.append(firstRun ? "\n" : ",\n").append("  ").append(quote(run.getKey())).append(": {\n");
			firstRun = false;
			out.append("    \"options\": ").append(object(run.getValue().options().describe())).append(",\n");
			out.append("    \"figures\": ").append(object(run.getValue().values())).append(",\n");
			out.append("    \"timeline\": {\"minutesPerRow\": ").append(Figures.BUCKET.toMinutes())
				.append(", \"columns\": [\"reports\", \"incidents\", \"alerts\"], \"rows\": [");
			List<int[]> rows = run.getValue().timeline();
			for (int i = 0; i < rows.size(); i++) {
				int[] r = rows.get(i);
				out.append(i == 0 ? "" : ", ").append('[').append(r[0]).append(", ").append(r[1]).append(", ")
					.append(r[2]).append(']');
			}
			out.append("]}\n  }");
		}
		return out.append("\n}\n").toString();
	}

	private static String object(Map<String, Object> values) {
		var out = new StringBuilder("{");
		boolean first = true;
		for (var e : values.entrySet()) {
			out.append(first ? "" : ", ").append(quote(e.getKey())).append(": ");
			first = false;
			Object v = e.getValue();
			out.append(v instanceof Number ? v.toString() : quote(String.valueOf(v)));
		}
		return out.append('}').toString();
	}

	private static String quote(String s) {
		var out = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** Reports sent, incidents opened and alerts posted per 10 minutes, as a line chart. */
	static void chart(Figures figures, Path file) throws IOException {
		var reports = new XYSeries("reports sent");
		var incidents = new XYSeries("incidents opened");
		var alerts = new XYSeries("alerts posted");
		List<int[]> rows = figures.timeline();
		for (int i = 0; i < rows.size(); i++) {
			double minute = i * (double) Figures.BUCKET.toMinutes();
			reports.add(minute, rows.get(i)[0]);
			incidents.add(minute, rows.get(i)[1]);
			alerts.add(minute, rows.get(i)[2]);
		}
		var data = new XYSeriesCollection();
		data.addSeries(reports);
		data.addSeries(incidents);
		data.addSeries(alerts);
		JFreeChart chart = ChartFactory.createXYLineChart("A simulated day (seed " + figures.options().seed() + ")",
				"minutes since the day began", "per 10 minutes", data, PlotOrientation.VERTICAL, true, false, false);
		ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 500);
	}

}
