package org.vigia.admin;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentEvent;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.chat.ChatStates;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.observer.ObserverStore;
import org.vigia.core.report.ReportStore;

/**
 * The incidents: the live list (in words, most urgent first), one incident with what residents described,
 * the observers near it, its history, and the actions on it. Actions that publish or close each have their
 * own confirmation and reason; every action goes to the bot as a command, is audited, and answers with a
 * redirect saying whether it was queued for a running bot, queued while the bot is down, or refused.
 */
@Controller
class IncidentsController {

	static final Set<String> ACTIONS = Set.of("confirm", "not-ice", "unfounded", "end");

	private final IncidentViews views;

	private final IncidentStore incidents;

	private final ReportStore reports;

	private final ObserverStore observers;

	private final ChatStates chatState;

	private final ConsoleLog log;

	private final LiveState live;

	IncidentsController(IncidentViews views, IncidentStore incidents, ReportStore reports,
			ObserverStore observers, ChatStates chatState, ConsoleLog log, LiveState live) {
		this.views = views;
		this.incidents = incidents;
		this.reports = reports;
		this.observers = observers;
		this.chatState = chatState;
		this.log = log;
		this.live = live;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/incidents";
	}

	@GetMapping("/incidents")
	String list(Model model, Locale locale) {
		addList(model, locale);
		return "incidents";
	}

	/** The list alone, for the page to swap in when something changed. */
	@GetMapping("/incidents/live")
	String liveList(Model model, Locale locale) {
		addList(model, locale);
		return "incidents :: list";
	}

	private void addList(Model model, Locale locale) {
		List<IncidentView> open = views.open();
		var ago = new HashMap<String, String>();
		var opened = new HashMap<String, String>();
		open.forEach(v -> {
			ago.put(v.id(), views.ago(v.openedAt(), locale));
			opened.put(v.id(), views.time(v.openedAt()));
		});
		model.addAttribute("incidents", open);
		model.addAttribute("ago", ago);
		model.addAttribute("opened", opened);
	}

	@GetMapping("/incidents/{id}")
	String incident(@PathVariable String id, Model model, Locale locale) {
		if (!addIncident(id, model, locale)) {
			return "redirect:/incidents";
		}
		return "incident";
	}

	private boolean addIncident(String id, Model model, Locale locale) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}")) {
			return false;
		}
		var found = incidents.find(new IncidentId(id));
		if (found.isEmpty()) {
			return false;
		}
		Incident incident = found.get();
		IncidentView view = views.view(incident);
		model.addAttribute("incident", incident);
		model.addAttribute("view", view);
		model.addAttribute("ago", views.ago(view.openedAt(), locale));
		model.addAttribute("opened", views.time(view.openedAt()));
		// what residents described, never who: the reports hold no identity but a keyed hash, not shown either
		model.addAttribute("reports", reports.findAll(incident.reports()));
		var aliases = new HashMap<String, String>();
		incident.verdicts().forEach(v -> aliases.put(v.observer().value(),
				observers.find(v.observer()).map(o -> o.alias()).orElse("?")));
		model.addAttribute("aliases", aliases);
		model.addAttribute("history", incident.history().stream().map(this::historyLine).toList());
		model.addAttribute("nearby", nearby(incident));
		return true;
	}

	/** One line of history in words: when, who (as a kind), what changed, and a dispatcher's own reason. */
	record HistoryLine(java.time.Instant at, String actor, String from, String to, boolean transition, String reason) {
	}

	private HistoryLine historyLine(IncidentEvent e) {
		String reason = e.reason() == null ? "" : e.reason();
		String shown = reason.startsWith("dispatcher:console:") ? reason.substring("dispatcher:console:".length())
			.replace('-', ' ') : "";
		return new HistoryLine(e.at(), e.actor().name(), e.from().name(), e.to().name(), e.transition(), shown);
	}

	/** On-duty observers within the widened dispatch radius, nearest first, and what they answered. */
	record Nearby(String id, String alias, long meters, boolean lead, String answer) {
	}

	private List<Nearby> nearby(Incident incident) {
		if (!incident.state().open()) {
			return List.of();
		}
		var dispatch = incident.dispatch();
		return observers.nearestOnDuty(incident.center(), 6000, 10).stream().map(n -> {
			var o = observers.find(n.id());
			String answer = dispatch.going().contains(n.id()) ? "going" : dispatch.declined().contains(n.id()) ? "declined"
					: dispatch.asked().contains(n.id()) ? "asked" : "";
			return new Nearby(n.id().value(), o.map(x -> x.alias()).orElse("?"), Math.round(n.meters()),
					o.map(x -> x.lead()).orElse(false), answer);
		}).filter(n -> !"?".equals(n.alias())).toList();
	}

	@PostMapping("/incidents/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "") String reason,
			Principal who, RedirectAttributes flash) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}") || !ACTIONS.contains(action)) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/incidents";
		}
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/incidents/" + id;
		}
		queued(flash, "console.action." + action, log.command(who.getName(), action, Map.of("incident", id), reason.strip()));
		return "redirect:/incidents/" + id;
	}

	/** Asks one observer to go (manual dispatch): the bot sends them the usual request. */
	@PostMapping("/incidents/{id}/ask")
	String ask(@PathVariable String id, @RequestParam(defaultValue = "") String observer,
			@RequestParam(defaultValue = "") String reason, Principal who, RedirectAttributes flash) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}") || !observer.matches("[A-Za-z0-9_-]{1,24}")) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/incidents";
		}
		var found = observers.find(new ObserverId(observer));
		if (found.isEmpty()) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/incidents/" + id;
		}
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/incidents/" + id;
		}
		queued(flash, "console.action.ask",
				log.command(who.getName(), "ask", Map.of("incident", id, "observer", observer), reason.strip()));
		flash.addFlashAttribute("actionFor", found.get().alias());
		return "redirect:/incidents/" + id;
	}

	/** Corrects what the incident's channel posts say; the bot edits every post. */
	@PostMapping("/incidents/{id}/correct")
	String correct(@PathVariable String id, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String reason, Principal who, RedirectAttributes flash) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}")) {
			return "redirect:/incidents";
		}
		if (text.isBlank() || text.length() > 300 || !Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.correction");
			return "redirect:/incidents/" + id;
		}
		queued(flash, "console.action.correct",
				log.command(who.getName(), "correct", Map.of("incident", id, "text", text.strip()), reason.strip()));
		return "redirect:/incidents/" + id;
	}

	/** Says whether a command will be carried out now or when the bot is back. */
	private void queued(RedirectAttributes flash, String action, String commandId) {
		flash.addFlashAttribute("sent", action);
		flash.addFlashAttribute("commandId", commandId);
		flash.addFlashAttribute("botDown", !live.status().bot());
	}

	/** A resident's photo, re-encoded by the bot (no metadata), for dispatchers only. */
	@GetMapping("/photos/{ref}")
	ResponseEntity<byte[]> photo(@PathVariable String ref) {
		if (!ref.matches("[A-Za-z0-9_-]{1,64}")) {
			return ResponseEntity.notFound().build();
		}
		return chatState.photo(ref)
			.map(jpeg -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_JPEG)
				.cacheControl(CacheControl.noStore())
				.body(jpeg))
			.orElse(ResponseEntity.notFound().build());
	}

}
