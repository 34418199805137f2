package org.vigia.admin;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.Matching;
import org.vigia.core.accompany.AccompanierStore;
import org.vigia.core.accompany.AppointmentStore;

/**
 * Accompaniment for coordinators (issue 13): upcoming appointments, uncovered first and highlighted 48 and 24 hours
 * before, and by day; one appointment with its assignments, check-ins and history; detention cases; accompaniers.
 * Assigning by hand and closing a case go to the bot as commands (it tells the people), each audited with its
 * reason.
 */
@Controller
class AppointmentsController {

	/** How far back an appointment still shows as upcoming: until its day's check-ins are over. */
	static final Duration IN_PROGRESS = Duration.ofHours(12);

	private static final String ID = "[A-Za-z0-9_-]{1,16}";

	private final AppointmentStore appointments;

	private final AccompanierStore accompaniers;

	private final AppointmentViews views;

	private final ConsoleLog log;

	private final LiveState live;

	private final MessageSource messages;

	private final Clock clock;

	AppointmentsController(AppointmentStore appointments, AccompanierStore accompaniers,
			AppointmentViews views, ConsoleLog log, LiveState live, MessageSource messages, Clock clock) {
		this.appointments = appointments;
		this.accompaniers = accompaniers;
		this.views = views;
		this.log = log;
		this.live = live;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/appointments")
	String list(Model model, Locale locale) {
		Instant now = clock.instant();
		List<Appointment> upcoming = appointments.between(now.minus(IN_PROGRESS), now.plus(Duration.ofDays(366)));
		var rows = Matching.uncoveredFirst(upcoming, now.minus(IN_PROGRESS)).stream().map(a -> views.row(a, now)).toList();
		model.addAttribute("rows", rows);
		var calendar = views.calendar(rows);
		model.addAttribute("calendar", calendar);
		var days = new java.util.LinkedHashMap<java.time.LocalDate, String>();
		calendar.keySet().forEach(d -> days.put(d, views.day(d, locale)));
		model.addAttribute("days", days);
		return "appointments";
	}

	@GetMapping("/appointments/{id}")
	String appointment(@PathVariable String id, Model model) {
		if (!id.matches(ID)) {
			return "redirect:/appointments";
		}
		var found = appointments.find(new AppointmentId(id));
		if (found.isEmpty()) {
			return "redirect:/appointments";
		}
		Appointment a = found.get();
		Map<String, String> names = views.names();
		model.addAttribute("a", a);
		model.addAttribute("row", views.row(a, clock.instant()));
		model.addAttribute("names", names);
		model.addAttribute("assignedNames", a.assigned().stream().map(x -> views.name(names, x)).toList());
		model.addAttribute("address", a.request().venue().isListed() ? a.request().venue().address() : null);
		model.addAttribute("arrival", a.request().venue().isListed()
				? views.place(a.request().venue().place()).map(p -> p.place().arrival()).orElse(null) : null);
		model.addAttribute("candidates", views.candidates(a));
		return "appointment";
	}

	@PostMapping("/appointments/{id}/assign")
	String assign(@PathVariable String id, @RequestParam(defaultValue = "") String accompanier,
			@RequestParam(defaultValue = "") String reason, Principal who, RedirectAttributes flash) {
		if (!id.matches(ID) || !accompanier.matches("[A-Za-z0-9_-]{1,32}")) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/appointments";
		}
		var found = accompaniers.find(new AccompanierId(accompanier));
		if (found.isEmpty() || appointments.find(new AppointmentId(id)).isEmpty()) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/appointments/" + id;
		}
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/appointments/" + id;
		}
		queued(flash, "console.accompany.action.assign", log.command(who.getName(), "accompany-assign",
				Map.of("appointment", id, "accompanier", accompanier), reason.strip()));
		return "redirect:/appointments/" + id;
	}

	@PostMapping("/appointments/{id}/close-case")
	String closeCase(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Principal who,
			RedirectAttributes flash) {
		if (!id.matches(ID)) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/appointments";
		}
		var found = appointments.find(new AppointmentId(id));
		if (found.isEmpty() || found.get().detention() == null || !found.get().detention().open()) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/appointments/" + id;
		}
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/appointments/" + id;
		}
		queued(flash, "console.accompany.action.closeCase",
				log.command(who.getName(), "accompany-close-case", Map.of("appointment", id), reason.strip()));
		return "redirect:/appointments/" + id;
	}

	@GetMapping("/cases")
	String cases(Model model) {
		List<Appointment> all = appointments.withCases();
		// open cases first, each group newest first (the store's order)
		var sorted = all.stream().sorted(java.util.Comparator.comparing((Appointment a) -> !a.detention().open())).toList();
		model.addAttribute("cases", sorted);
		model.addAttribute("rows", sorted.stream().collect(java.util.stream.Collectors.toMap(a -> a.id().value(),
				a -> views.row(a, clock.instant()))));
		model.addAttribute("names", views.names());
		return "cases";
	}

	@GetMapping("/accompaniers")
	String accompaniers(Model model, Locale locale) {
		String elsewhere = messages.getMessage("console.accompany.elsewhere", null, locale);
		var all = accompaniers.all();
		model.addAttribute("accompaniers", all);
		model.addAttribute("places", all.stream().collect(java.util.stream.Collectors.toMap(a -> a.id().value(),
				a -> String.join(", ", views.placeNames(a, key -> elsewhere)))));
		model.addAttribute("languages", all.stream().collect(java.util.stream.Collectors.toMap(a -> a.id().value(),
				a -> String.join(", ", a.languages().stream().sorted()
					.map(l -> messages.getMessage("console.accompany.language." + l, null, l, locale))
					.toList()))));
		return "accompaniers";
	}

	private void queued(RedirectAttributes flash, String action, String commandId) {
		flash.addFlashAttribute("sent", action);
		flash.addFlashAttribute("commandId", commandId);
		flash.addFlashAttribute("botDown", !live.status().bot());
	}

}
