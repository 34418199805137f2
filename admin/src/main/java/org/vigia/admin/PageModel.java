package org.vigia.admin;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.vigia.core.messaging.SignalCaptcha;

/**
 * What every page's layout needs: whether the person is an admin (their menu), the network's zone, the
 * banner's status, and whether Signal holds the bot's messages for a captcha.
 */
@ControllerAdvice
class PageModel {

	private final AdminProperties properties;

	private final LiveState live;

	private final SignalCaptcha captcha;

	PageModel(AdminProperties properties, LiveState live, SignalCaptcha captcha) {
		this.properties = properties;
		this.live = live;
		this.captcha = captcha;
	}

	/** Signal's captcha demand holding the bot's messages, or null (also when Redis does not answer). */
	@ModelAttribute("signalCaptcha")
	SignalCaptcha.Hold signalCaptcha() {
		if (!live.status().redis()) {
			return null;
		}
		try {
			return captcha.find().orElse(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Whether Redis and the bot answered at the last check (twice a second; rendering asks nobody). */
	@ModelAttribute("liveStatus")
	LiveState.Status liveStatus() {
		return live.status();
	}

	@ModelAttribute("isAdmin")
	boolean admin(Principal who) {
		return who instanceof Authentication auth
				&& auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return properties.zone();
	}

}
