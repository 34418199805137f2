package org.vigia.admin;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigia.core.neighborhood.InvalidGeoJsonException;
import org.vigia.core.neighborhood.NeighborhoodMap;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.neighborhood.NeighborhoodText;
import org.vigia.core.observer.ObserverStore;

/**
 * The console's other pages: observers and invite codes, neighborhoods and channels, stats, audit log.
 * Every action asks for a reason, is written to the audit log, and goes to the bot as a command.
 */
@Controller
class ConsoleController {

	private final ObserverStore observers;

	private final NeighborhoodText neighborhoods;

	private final ChatStates chatState;

	private final ConsoleLog log;

	private final java.time.ZoneId zone;

	ConsoleController(ObserverStore observers, NeighborhoodText neighborhoods, ChatStates chatState,
			ConsoleLog log, AdminProperties properties) {
		this.observers = observers;
		this.neighborhoods = neighborhoods;
		this.chatState = chatState;
		this.log = log;
		this.zone = properties.zone();
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/observers")
	String observers(Model model) {
		model.addAttribute("observers", observers.all());
		model.addAttribute("onDuty", observers.all().stream().filter(o -> observers.isOnDuty(o.id()))
			.map(o -> o.id().value()).collect(java.util.stream.Collectors.toSet()));
		var lastSeen = new java.util.HashMap<String, String>();
		var verdicts = new java.util.HashMap<String, Long>();
		for (var o : observers.all()) {
			lastSeen.put(o.id().value(), observers.lastSeen(o.id())
				.map(t -> java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(t))
				.orElse("–"));
			verdicts.put(o.id().value(), observers.verdicts(o.id()));
		}
		model.addAttribute("lastSeen", lastSeen);
		model.addAttribute("verdicts", verdicts);
		return "observers";
	}

	@PostMapping("/observers/{id}/{action}")
	String observer(@PathVariable String id, @PathVariable String action,
			@RequestParam(defaultValue = "") String reason, Principal who, RedirectAttributes flash) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}") || !Set.of("lead", "member", "revoke").contains(action)) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/observers";
		}
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/observers";
		}
		var observerId = new org.vigia.core.observer.ObserverId(id);
		observers.find(observerId).ifPresent(o -> {
			if ("revoke".equals(action)) {
				observers.revoke(observerId);
			}
			else {
				observers.save(o.withLead("lead".equals(action)));
			}
			log.record(who.getName(), "observer-" + action, o.alias(), reason.strip());
			flash.addFlashAttribute("done", "console.observers.done." + action);
			flash.addFlashAttribute("doneFor", o.alias());
		});
		return "redirect:/observers";
	}

	@PostMapping("/observers/invite")
	String invite(@RequestParam(defaultValue = "") String reason, Principal who, RedirectAttributes flash) {
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/observers";
		}
		String code = chatState.newInvite(who.getName(), java.time.Duration.ofHours(48));
		log.record(who.getName(), "invite", "observer-invite", reason.strip());
		flash.addFlashAttribute("code", code);
		return "redirect:/observers";
	}

	@GetMapping("/neighborhoods")
	String neighborhoods(Model model) {
		model.addAttribute("current", neighborhoods.load().map(NeighborhoodMap::fromGeoJson).map(NeighborhoodMap::all)
			.orElse(java.util.List.of()));
		return "neighborhoods";
	}

	/**
	 * Checks an uploaded FeatureCollection with core's rules; {@code step=check} shows it on the map
	 * without saving, {@code step=save} saves it and tells the bot to reload.
	 */
	@PostMapping("/neighborhoods")
	String upload(@RequestParam("geojson") String geojson, @RequestParam(defaultValue = "save") String step,
			Principal who, Model model, RedirectAttributes flash) {
		NeighborhoodMap map;
		try {
			map = NeighborhoodMap.fromGeoJson(geojson);
		}
		catch (InvalidGeoJsonException ex) {
			if (ex.problems().size() == 1) {
				model.addAttribute("invalid", ex.getMessage());
			}
			else {
				model.addAttribute("problems", ex.problems());
			}
			model.addAttribute("geojson", geojson.length() > 200_000 ? "" : geojson);
			return neighborhoods(model);
		}
		var repairs = map.repairs().stream().map(org.vigia.core.neighborhood.Repair::describe).toList();
		if ("check".equals(step)) {
			model.addAttribute("repairs", repairs);
			model.addAttribute("preview", map.toGeoJson());
			model.addAttribute("previewed", map.all());
			model.addAttribute("geojson", geojson);
			return neighborhoods(model);
		}
		neighborhoods.save(map.toGeoJson());
		log.command(who.getName(), "reload-neighborhoods", Map.of(), map.size() + " neighborhoods uploaded");
		flash.addFlashAttribute("saved", map.size());
		flash.addFlashAttribute("repairs", repairs);
		return "redirect:/neighborhoods";
	}

	/** Asks the bot to post a test message in a channel and shows whether it could. */
	@PostMapping("/neighborhoods/test-post")
	String testPost(@RequestParam String channel, Principal who, RedirectAttributes flash) {
		if (!channel.matches("@[A-Za-z][A-Za-z0-9_]{3,}|-?[0-9]{5,20}")) {
			flash.addFlashAttribute("invalid", channel);
			return "redirect:/neighborhoods";
		}
		String id = log.command(who.getName(), "test-post", Map.of("channel", channel), "test post");
		flash.addFlashAttribute("testChannel", channel);
		flash.addFlashAttribute("testResult", log.answer(id, java.time.Duration.ofSeconds(8))
			.map(e -> "command-done".equals(e.get("type")) ? "ok" : "failed")
			.orElse("no-answer"));
		return "redirect:/neighborhoods";
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String filter, Model model) {
		var when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
		model.addAttribute("entries", log.auditLog(filter).stream().map(e -> {
			var shown = new java.util.HashMap<Object, Object>(e);
			try {
				shown.put("when", when.format(java.time.Instant.parse(String.valueOf(e.get("at")))));
			}
			catch (java.time.format.DateTimeParseException ex) {
				shown.put("when", "");
			}
			return shown;
		}).toList());
		model.addAttribute("filter", filter == null ? "" : filter);
		return "audit";
	}

}
