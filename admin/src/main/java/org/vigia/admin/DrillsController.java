package org.vigia.admin;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.vigia.core.drill.DrillReport;
import org.vigia.core.drill.Drills;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverStore;

/**
 * The drill report (README, "Practice with a drill"): per practice scene the time to the first "I'm going", to
 * the quorum and to the drill post; per observer, by the name they chose, prompts, answers and the usual time to
 * answer; and the same as CSV. Only the scenes still kept (they expire like real ones); no ids. Above it, the form
 * that starts a drill ({@link DrillStartController}): the neighborhoods and the observers on duty, by name.
 */
@Controller
class DrillsController {

	private final Drills drills;

	private final IncidentStore incidents;

	private final ObserverStore observers;

	private final IncidentViews views;

	private final ZoneId zone;

	DrillsController(Drills drills, IncidentStore incidents, ObserverStore observers, IncidentViews views,
			AdminProperties properties) {
		this.drills = drills;
		this.incidents = incidents;
		this.observers = observers;
		this.views = views;
		this.zone = properties.zone();
	}

	/** A choice of the form: the value it sends (an id, never shown) and what the dispatcher reads. */
	record Choice(String value, String label) {
	}

	/** The neighborhoods in force, by name. */
	List<Choice> neighborhoods() {
		return views.neighborhoods().map(m -> m.all().stream().map(n -> new Choice(n.id().value(), n.name()))
			.sorted(java.util.Comparator.comparing(Choice::label)).toList()).orElse(List.of());
	}

	/** The observers on duty now, by the name they chose. */
	List<Choice> onDuty() {
		return observers.onDutyPositions().keySet().stream().flatMap(id -> observers.find(id).stream())
			.map(o -> new Choice(o.id().value(), o.alias())).sorted(java.util.Comparator.comparing(Choice::label)).toList();
	}

	DrillReport report() {
		List<Incident> scenes = drills.scenes().stream().flatMap(id -> incidents.find(id).stream()).toList();
		return DrillReport.of(scenes, id -> observers.find(id).map(Observer::alias).orElse("—"));
	}

	@GetMapping("/drills")
	String page(Model model) {
		DrillReport report = report();
		model.addAttribute("report", report);
		model.addAttribute("zone", zone);
		model.addAttribute("neighborhoods", neighborhoods());
		model.addAttribute("onDuty", onDuty());
		model.addAttribute("maxScenes", DrillStartController.MAX_SCENES);
		model.addAttribute("maxMinutes", DrillStartController.MAX_MINUTES);
		// the timeline chart's series: seconds per scene, empty where the step was not reached
		model.addAttribute("going", series(report, DrillReport.SceneRow::toFirstGoing));
		model.addAttribute("quorum", series(report, DrillReport.SceneRow::toQuorum));
		model.addAttribute("post", series(report, DrillReport.SceneRow::toPost));
		return "drills";
	}

	private static String series(DrillReport report, java.util.function.Function<DrillReport.SceneRow, java.time.Duration> step) {
		return String.join("|", report.scenes().stream().map(step)
			.map(d -> d == null ? "" : Long.toString(d.toSeconds())).toList());
	}

	@GetMapping("/drills/report.csv")
	ResponseEntity<String> csv() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vigia-drill.csv\"")
			.body(report().csv());
	}

}
