package org.vigia.admin;

import java.security.Principal;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.neighborhood.InvalidGeoJsonException;
import org.vigia.core.neighborhood.NeighborhoodMap;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisIncidentStore;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisNeighborhoodText;
import org.vigia.store.RedisObserverStore;

/**
 * The console's pages: incidents and their actions, observers and invite codes, neighborhoods, audit log.
 * Every action asks for a reason, is written to the audit log, and goes to the bot as a command.
 */
@Controller
class ConsoleController {

	static final Set<String> ACTIONS = Set.of("confirm", "not-ice", "unfounded", "end");

	private final RedisIncidentStore incidents;

	private final RedisObserverStore observers;

	private final RedisNeighborhoodText neighborhoods;

	private final RedisChatState chatState;

	private final ConsoleLog log;

	private final org.vigia.store.RedisStats stats;

	private final Accounts accounts;

	private final org.vigia.store.RedisReportStore reports;

	ConsoleController(RedisIncidentStore incidents, RedisObserverStore observers, RedisNeighborhoodText neighborhoods,
			org.springframework.data.redis.core.StringRedisTemplate redis, RedisKeys keys, ConsoleLog log,
			org.vigia.store.RedisStats stats, Accounts accounts, org.vigia.store.RedisReportStore reports,
			org.vigia.store.Pseudonyms pseudonyms) {
		this.reports = reports;
		this.stats = stats;
		this.accounts = accounts;
		this.incidents = incidents;
		this.observers = observers;
		this.neighborhoods = neighborhoods;
		this.chatState = new RedisChatState(redis, keys, pseudonyms);
		this.log = log;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home() {
		return "redirect:/incidents";
	}

	@GetMapping("/incidents")
	String incidents(Model model) {
		model.addAttribute("incidents", incidents.open().stream()
			.sorted(Comparator.comparing(Incident::openedAt).reversed())
			.toList());
		return "incidents";
	}

	@GetMapping("/incidents/{id}")
	String incident(@PathVariable String id, Model model) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}")) {
			return "redirect:/incidents";
		}
		var found = incidents.find(new IncidentId(id));
		if (found.isEmpty()) {
			return "redirect:/incidents";
		}
		model.addAttribute("incident", found.get());
		// what residents described, never who: the report records hold no identity but a keyed hash,
		// which is not shown either
		model.addAttribute("reports", reports.findAll(found.get().reports()));
		return "incident";
	}

	@PostMapping("/incidents/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "") String reason,
			Principal who, RedirectAttributes flash) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}") || !ACTIONS.contains(action)) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/incidents";
		}
		if (reason.isBlank() || reason.length() > 200) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/incidents/" + id;
		}
		String command = log.command(who.getName(), action, Map.of("incident", id), reason.strip());
		flash.addFlashAttribute("sent", command);
		return "redirect:/incidents/" + id;
	}

	/** Corrects what the incident's channel posts say; the bot edits every post. */
	@PostMapping("/incidents/{id}/correct")
	String correct(@PathVariable String id, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String reason, Principal who, RedirectAttributes flash) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}")) {
			return "redirect:/incidents";
		}
		if (text.isBlank() || text.length() > 300 || reason.isBlank() || reason.length() > 200) {
			flash.addFlashAttribute("error", "console.error.correction");
			return "redirect:/incidents/" + id;
		}
		String command = log.command(who.getName(), "correct", Map.of("incident", id, "text", text.strip()),
				reason.strip());
		flash.addFlashAttribute("sent", command);
		return "redirect:/incidents/" + id;
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
				.map(t -> java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC).format(t))
				.orElse("–"));
			verdicts.put(o.id().value(), observers.verdicts(o.id()));
		}
		model.addAttribute("lastSeen", lastSeen);
		model.addAttribute("verdicts", verdicts);
		return "observers";
	}

	@PostMapping("/observers/{id}/{action}")
	String observer(@PathVariable String id, @PathVariable String action, Principal who, RedirectAttributes flash) {
		if (!id.matches("[A-Za-z0-9_-]{1,24}") || !Set.of("lead", "member", "revoke").contains(action)) {
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
			log.record(who.getName(), "observer-" + action, o.alias(), "");
		});
		return "redirect:/observers";
	}

	@PostMapping("/observers/invite")
	String invite(Principal who, RedirectAttributes flash) {
		String code = chatState.newInvite(who.getName(), java.time.Duration.ofHours(48));
		log.record(who.getName(), "invite", "observer-invite", "created");
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
			Principal who, Model model) {
		NeighborhoodMap map;
		try {
			map = NeighborhoodMap.fromGeoJson(geojson);
		}
		catch (InvalidGeoJsonException ex) {
			model.addAttribute("invalid", ex.getMessage());
			model.addAttribute("geojson", geojson.length() > 200_000 ? "" : geojson);
			return neighborhoods(model);
		}
		if ("check".equals(step)) {
			model.addAttribute("preview", map.toGeoJson());
			model.addAttribute("previewed", map.all());
			model.addAttribute("geojson", geojson);
			return neighborhoods(model);
		}
		neighborhoods.save(map.toGeoJson());
		log.command(who.getName(), "reload-neighborhoods", Map.of(), map.size() + " neighborhoods uploaded");
		model.addAttribute("saved", map.size());
		return neighborhoods(model);
	}

	/** Asks the bot to post a test message in a channel and shows whether it could. */
	@PostMapping("/neighborhoods/test-post")
	String testPost(@RequestParam String channel, Principal who, Model model) {
		if (!channel.matches("@[A-Za-z][A-Za-z0-9_]{3,}|-?[0-9]{5,20}")) {
			model.addAttribute("invalid", channel);
			return neighborhoods(model);
		}
		String id = log.command(who.getName(), "test-post", Map.of("channel", channel), "test post");
		model.addAttribute("testChannel", channel);
		model.addAttribute("testResult", log.answer(id, java.time.Duration.ofSeconds(8))
			.map(e -> "command-done".equals(e.get("type")) ? "ok" : "failed")
			.orElse("no-answer"));
		return neighborhoods(model);
	}

	@GetMapping("/stats")
	String stats(Model model) {
		var hours = stats.lastHours(24);
		var perHour = new java.util.LinkedHashMap<String, Long>();
		var outcomes = new java.util.TreeMap<String, Long>();
		hours.forEach((hour, counts) -> {
			perHour.put(hour.substring(8) + ":00", counts.getOrDefault("reports", 0L));
			counts.forEach((metric, count) -> {
				if (metric.startsWith("incidents-")) {
					outcomes.merge(metric.substring("incidents-".length()), count, Long::sum);
				}
			});
		});
		model.addAttribute("perHour", perHour);
		model.addAttribute("maxPerHour", Math.max(1, perHour.values().stream().mapToLong(Long::longValue).max().orElse(1)));
		model.addAttribute("outcomes", outcomes);
		long median = stats.median("verdict-seconds", 7);
		model.addAttribute("medianMinutes", median < 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f", median / 60.0));
		model.addAttribute("onDuty", observers.all().stream().filter(o -> observers.isOnDuty(o.id())).count());
		return "stats";
	}

	@GetMapping("/account")
	String account(Principal who, Model model) {
		model.addAttribute("totp", accounts.totpSecret(who.getName()) != null);
		return "account";
	}

	/** Starts setting up the second factor: a new secret, kept in the session until a code confirms it. */
	@PostMapping("/account/totp")
	String startTotp(Principal who, jakarta.servlet.http.HttpSession session, Model model) {
		String secret = Totp.newSecret();
		session.setAttribute("pendingTotp", secret);
		model.addAttribute("secret", secret);
		model.addAttribute("uri", "otpauth://totp/Vigia:" + who.getName() + "?secret=" + secret + "&issuer=Vigia");
		return account(who, model);
	}

	@PostMapping("/account/totp/confirm")
	String confirmTotp(@RequestParam String code, Principal who, jakarta.servlet.http.HttpSession session,
			Model model) {
		Object pending = session.getAttribute("pendingTotp");
		if (pending == null || !Totp.verify(pending.toString(), code, java.time.Instant.now())) {
			model.addAttribute("totpError", true);
			return account(who, model);
		}
		accounts.enableTotp(who.getName(), pending.toString());
		session.removeAttribute("pendingTotp");
		log.record(who.getName(), "totp-enabled", who.getName(), "");
		return account(who, model);
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String filter, Model model) {
		model.addAttribute("entries", log.auditLog(filter));
		model.addAttribute("filter", filter == null ? "" : filter);
		return "audit";
	}

}
