package org.vigia.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.vigia.core.support.StoreUnavailableException;

/**
 * When Redis cannot be reached, a page says so instead of failing: a form that would change something
 * answers with a redirect back and "not done, nothing was changed"; a page to read answers 503 with the
 * same words and the banner. No Whitelabel page, no stack trace.
 */
@ControllerAdvice
class Failures {

	@ExceptionHandler({ StoreUnavailableException.class, DataAccessException.class })
	String unavailable(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash,
			Model model) {
		if (!"GET".equals(request.getMethod())) {
			flash.addFlashAttribute("error", "console.error.unavailable");
			return "redirect:" + back(request);
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		model.addAttribute("message", "console.error.unavailable");
		return "error";
	}

	/** The page the form was on (same console only), else the incidents. */
	private static String back(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/incidents/")) {
			String[] parts = path.split("/");
			return parts.length > 2 ? "/incidents/" + parts[2] : "/incidents";
		}
		for (String page : new String[] { "/observers", "/neighborhoods", "/accounts", "/account" }) {
			if (path.startsWith(page)) {
				return page;
			}
		}
		return "/incidents";
	}

}
