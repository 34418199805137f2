package org.vigia.admin;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigia.core.messaging.SignalCaptcha;

/**
 * Admins solve Signal's captcha demand here (README, captcha runbook): the pasted {@code signalcaptcha://} link
 * goes to the bot as the console command {@code signal-captcha}, with the admin's reason in the audit log; the
 * link itself is audited nowhere and the bot deletes it from the command stream once answered. The page waits a
 * few seconds for the bot's answer and says what Signal made of it.
 */
@Controller
class SignalCaptchaController {

	/** How long the page waits for the bot's answer (one call to signal-cli). */
	static final Duration PATIENCE = Duration.ofSeconds(8);

	private final ConsoleLog log;

	private final SignalCaptcha flag;

	private final LiveState live;

	SignalCaptchaController(ConsoleLog log, SignalCaptcha flag, LiveState live) {
		this.log = log;
		this.flag = flag;
		this.live = live;
	}

	@GetMapping("/signal-captcha")
	String page(Model model) {
		model.addAttribute("hold", live.status().redis() ? flag.find().orElse(null) : null);
		return "signal-captcha";
	}

	@PostMapping("/signal-captcha")
	String submit(@RequestParam(defaultValue = "") String captcha, @RequestParam(defaultValue = "") String reason,
			Principal who, RedirectAttributes flash) {
		String solution = captcha.strip();
		if (!solution.startsWith("signalcaptcha://") || solution.length() > 4096 || solution.matches(".*\\s.*")) {
			flash.addFlashAttribute("error", "console.signalCaptcha.notALink");
			return "redirect:/signal-captcha";
		}
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/signal-captcha";
		}
		String id = log.command(who.getName(), "signal-captcha", Map.of("captcha", solution), reason.strip());
		String outcome = log.answer(id, PATIENCE).map(a -> String.valueOf(a.get("state"))).orElse("");
		flash.addFlashAttribute("result", switch (outcome) {
			case "ACCEPTED" -> "console.signalCaptcha.accepted";
			case "REJECTED" -> "console.signalCaptcha.rejected";
			case "NOT_NEEDED" -> "console.signalCaptcha.notNeeded";
			case "UNAVAILABLE" -> "console.signalCaptcha.unavailable";
			default -> live.status().bot() ? "console.signalCaptcha.noAnswer" : "console.signalCaptcha.botDown";
		});
		return "redirect:/signal-captcha";
	}

}
