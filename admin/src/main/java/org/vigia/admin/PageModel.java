package org.vigia.admin;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: whether the person is an admin (their menu), and the network's zone. */
@ControllerAdvice
class PageModel {

	private final AdminProperties properties;

	PageModel(AdminProperties properties) {
		this.properties = properties;
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
