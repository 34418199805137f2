package org.vigia.admin;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: whether the person is an admin (their menu), the network's zone, and the
 * banner's status.
 */
@ControllerAdvice
class PageModel {

	private final AdminProperties properties;

	private final LiveState live;

	PageModel(AdminProperties properties, LiveState live) {
		this.properties = properties;
		this.live = live;
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
