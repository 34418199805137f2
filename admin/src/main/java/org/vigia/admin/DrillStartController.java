package org.vigia.admin;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigia.core.neighborhood.NeighborhoodMap;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.observer.ObserverStore;

/**
 * A dispatcher starts a drill from the console (README, "Practice with a drill"): how many practice scenes, over
 * how many minutes, in which neighborhoods (none ticked: all) and which observers take part (those ticked of the
 * observers on duty). Checked here, then sent to the bot as a {@code drill-start} command, with the reason in the
 * audit log; the bot checks it again and answers. Numbers out of range, an unknown neighborhood or observer, nobody
 * ticked while observers are on duty, or no reason: the page says which, and nothing is sent.
 */
@Controller
class DrillStartController {

	/** The bot's limits of a drill (its {@code DrillDesk}). */
	static final int MAX_SCENES = 20, MAX_MINUTES = 240;

	/** More participants than any network has on duty at once: a longer list is forged. */
	static final int MAX_PARTICIPANTS = 500;

	private final IncidentViews views;

	private final ObserverStore observers;

	private final ConsoleLog log;

	private final LiveState live;

	DrillStartController(IncidentViews views, ObserverStore observers, ConsoleLog log, LiveState live) {
		this.views = views;
		this.observers = observers;
		this.log = log;
		this.live = live;
	}

	@PostMapping("/drills/start")
	String start(@RequestParam(defaultValue = "") String scenes, @RequestParam(defaultValue = "") String minutes,
			@RequestParam(name = "neighborhood", required = false) List<String> neighborhoods,
			@RequestParam(name = "observer", required = false) List<String> participants,
			@RequestParam(defaultValue = "") String reason, Principal who, Locale locale, RedirectAttributes flash) {
		List<String> where = neighborhoods == null ? List.of() : List.copyOf(new LinkedHashSet<>(neighborhoods));
		List<String> chosen = participants == null ? List.of() : List.copyOf(new LinkedHashSet<>(participants));
		Optional<String> problem = problem(scenes, minutes, where, chosen, reason);
		if (problem.isPresent()) {
			flash.addFlashAttribute("error", problem.get());
			return "redirect:/drills";
		}
		var fields = new LinkedHashMap<String, String>();
		fields.put("scenes", scenes.strip());
		fields.put("minutes", minutes.strip());
		fields.put("neighborhoods", String.join(" ", where));
		fields.put("observers", String.join(" ", chosen));
		fields.put("language", locale.getLanguage());
		String commandId = log.command(who.getName(), "drill-start", fields, reason.strip());
		flash.addFlashAttribute("sent", "console.action.drill");
		flash.addFlashAttribute("commandId", commandId);
		flash.addFlashAttribute("botDown", !live.status().bot());
		return "redirect:/drills";
	}

	/** What is wrong with the form, as a message key; empty if nothing. */
	private Optional<String> problem(String scenes, String minutes, List<String> where, List<String> chosen,
			String reason) {
		if (!within(scenes, 1, MAX_SCENES) || !within(minutes, 0, MAX_MINUTES)) {
			return Optional.of("console.drills.error.numbers");
		}
		Optional<NeighborhoodMap> map = views.neighborhoods();
		if (map.isEmpty()) {
			return Optional.of("console.drills.error.noNeighborhoods");
		}
		var known = map.get().all().stream().map(n -> n.id().value()).collect(java.util.stream.Collectors.toSet());
		if (!known.containsAll(where)) {
			return Optional.of("console.drills.error.neighborhood");
		}
		if (chosen.size() > MAX_PARTICIPANTS || !chosen.stream().allMatch(this::registered)) {
			return Optional.of("console.drills.error.observer");
		}
		if (chosen.isEmpty() && !observers.onDutyPositions().isEmpty()) {
			return Optional.of("console.drills.error.nobody");
		}
		if (!Reasons.valid(reason)) {
			return Optional.of("console.error.reason");
		}
		return Optional.empty();
	}

	private boolean registered(String id) {
		return id.matches("[A-Za-z0-9_-]{1,24}") && observers.find(new ObserverId(id)).isPresent();
	}

	private static boolean within(String number, int low, int high) {
		String n = number.strip();
		return n.matches("\\d{1,4}") && Integer.parseInt(n) >= low && Integer.parseInt(n) <= high;
	}

}
