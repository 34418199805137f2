package org.vigia.admin;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Console accounts: admins add, disable and reset dispatcher accounts (each with a reason, audited); the
 * person sets their own password and second factor through the single-use link they are given
 * ({@code /welcome/{token}}), scanning a QR code with their authenticator app. Nobody but that person ever
 * knows the password. Every form answers with a redirect.
 */
@Controller
class AccountsController {

	private final Accounts accounts;

	private final ConsoleLog log;

	private final java.time.Clock clock;

	AccountsController(Accounts accounts, ConsoleLog log, java.time.Clock clock) {
		this.accounts = accounts;
		this.log = log;
		this.clock = clock;
	}

	@GetMapping("/accounts")
	String accounts(Model model) {
		model.addAttribute("accounts", accounts.all());
		return "accounts";
	}

	@PostMapping("/accounts")
	String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String reason,
			Principal who, HttpServletRequest request, RedirectAttributes flash) {
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/accounts";
		}
		String token;
		try {
			token = accounts.invite(username.strip());
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", "taken".equals(ex.getMessage()) ? "console.accounts.taken"
					: "console.accounts.badName");
			return "redirect:/accounts";
		}
		log.record(who.getName(), "account-added", username.strip(), reason.strip());
		flash.addFlashAttribute("link", link(request, token));
		flash.addFlashAttribute("linkFor", username.strip());
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{username}/{action}")
	String change(@PathVariable String username, @PathVariable String action,
			@RequestParam(defaultValue = "") String reason, Principal who, HttpServletRequest request,
			RedirectAttributes flash) {
		if (!Reasons.valid(reason)) {
			flash.addFlashAttribute("error", "console.error.reason");
			return "redirect:/accounts";
		}
		try {
			switch (action) {
				case "disable" -> accounts.disable(username, true);
				case "enable" -> accounts.disable(username, false);
				case "reset" -> {
					flash.addFlashAttribute("link", link(request, accounts.reset(username)));
					flash.addFlashAttribute("linkFor", username);
				}
				default -> throw new IllegalArgumentException("no such action");
			}
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", "console.error.action");
			return "redirect:/accounts";
		}
		log.record(who.getName(), "account-" + action, username, reason.strip());
		flash.addFlashAttribute("done", "console.accounts.done." + action);
		flash.addFlashAttribute("doneFor", username);
		return "redirect:/accounts";
	}

	private static String link(HttpServletRequest request, String token) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/welcome/{token}").build(token).toString();
	}

	/** The page a new (or reset) dispatcher opens from their link: a QR code, a password, a code. */
	@GetMapping("/welcome/{token}")
	String welcome(@PathVariable String token, HttpSession session, Model model) {
		var username = accounts.linkFor(token);
		if (username.isEmpty()) {
			model.addAttribute("invalid", true);
			return "welcome";
		}
		// the secret is made once per visit and kept in the session until the form is sent
		String secret = (String) session.getAttribute("setupTotp");
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute("setupTotp", secret);
		}
		String uri = QrCode.otpauth(username.get(), secret);
		model.addAttribute("username", username.get());
		model.addAttribute("secret", secret);
		model.addAttribute("qr", QrCode.svgDataUrl(uri));
		model.addAttribute("token", token);
		return "welcome";
	}

	@PostMapping("/welcome/{token}")
	String setUp(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeat, @RequestParam(defaultValue = "") String code,
			HttpSession session, RedirectAttributes flash) {
		String secret = (String) session.getAttribute("setupTotp");
		if (accounts.linkFor(token).isEmpty()) {
			return "redirect:/welcome/" + token;
		}
		String problem = password.length() < 10 || password.length() > 200 ? "console.welcome.short"
				: !password.equals(repeat) ? "console.welcome.mismatch"
						: secret == null || !Totp.verify(secret, code, clock.instant()) ? "console.welcome.wrongCode" : null;
		if (problem != null) {
			flash.addFlashAttribute("error", problem);
			return "redirect:/welcome/" + token;
		}
		var username = accounts.completeSetup(token, password, secret);
		if (username.isEmpty()) {
			return "redirect:/welcome/" + token;
		}
		session.removeAttribute("setupTotp");
		log.record(username.get(), "account-set-up", username.get(), "password and second factor set by the person");
		return "redirect:/login?ready";
	}

	@GetMapping("/account")
	String account(Principal who, HttpSession session, Model model) {
		model.addAttribute("totp", accounts.totpSecret(who.getName()) != null);
		Object pending = session.getAttribute("pendingTotp");
		if (pending != null) {
			model.addAttribute("secret", pending);
			model.addAttribute("qr", QrCode.svgDataUrl(QrCode.otpauth(who.getName(), pending.toString())));
		}
		return "account";
	}

	/** Starts setting up the second factor: a new secret, kept in the session until a code confirms it. */
	@PostMapping("/account/totp")
	String startTotp(HttpSession session) {
		session.setAttribute("pendingTotp", Totp.newSecret());
		return "redirect:/account";
	}

	@PostMapping("/account/totp/confirm")
	String confirmTotp(@RequestParam(defaultValue = "") String code, Principal who, HttpSession session,
			RedirectAttributes flash) {
		Object pending = session.getAttribute("pendingTotp");
		if (pending == null || !Totp.verify(pending.toString(), code, clock.instant())) {
			flash.addFlashAttribute("totpError", true);
			return "redirect:/account";
		}
		accounts.enableTotp(who.getName(), pending.toString());
		session.removeAttribute("pendingTotp");
		log.record(who.getName(), "totp-enabled", who.getName(), "second factor set up by the person");
		return "redirect:/account";
	}

}
