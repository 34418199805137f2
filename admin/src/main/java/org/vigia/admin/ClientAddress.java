package org.vigia.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, for the login throttle. {@code X-Forwarded-For} is believed only when
 * the connection comes from a configured reverse proxy (ADMIN_TRUSTED_PROXIES), and then read from the
 * right: the first address that is not itself a trusted proxy is the client. Anyone else who sends the
 * header is judged by the socket address, so a forged header cannot pick someone else's address.
 */
@Component
class ClientAddress {

	private final List<IpAddressMatcher> proxies;

	ClientAddress(AdminProperties properties) {
		this.proxies = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
	}

	String of(HttpServletRequest request) {
		String socket = request.getRemoteAddr();
		if (!trusted(socket)) {
			return socket;
		}
		var forwarded = request.getHeaders("X-Forwarded-For");
		var hops = new java.util.ArrayList<String>();
		while (forwarded.hasMoreElements()) {
			for (String hop : forwarded.nextElement().split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (!hop.matches("[0-9A-Fa-f.:]{2,45}")) {
				// not an address: whatever is left of it was written by the client, not a proxy
				return socket;
			}
			if (!trusted(hop)) {
				return hop;
			}
		}
		return socket;
	}

	private boolean trusted(String address) {
		for (IpAddressMatcher proxy : proxies) {
			try {
				if (proxy.matches(address)) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		return false;
	}

}
