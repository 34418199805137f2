package org.vigia.bot.accompany;

import java.util.ArrayList;
import java.util.List;

import org.vigia.bot.messages.Texts;
import org.vigia.core.chat.Text;

/**
 * The legal-help text the network configures, given with every detention alert: a legal aid hotline, a bond
 * fund, and where to find a detained person (ICE's online detainee locator). A setting left empty is left out.
 *
 * @param hotline the legal aid hotline, as people should dial it
 * @param bondFund how to reach the bond fund (a number or an address)
 * @param locator the detainee locator's address
 */
public record LegalHelp(String hotline, String bondFund, String locator) {

	public LegalHelp {
		hotline = hotline == null ? "" : hotline.strip();
		bondFund = bondFund == null ? "" : bondFund.strip();
		locator = locator == null ? "" : locator.strip();
	}

	/** The lines in a person's language, as markup to pass to a bundle text. */
	Texts.Html render(Texts texts, String language) {
		List<String> lines = new ArrayList<>();
		if (!hotline.isEmpty()) {
			lines.add(texts.render(Text.of("accompany.legal.hotline", hotline), language));
		}
		if (!bondFund.isEmpty()) {
			lines.add(texts.render(Text.of("accompany.legal.bondFund", bondFund), language));
		}
		if (!locator.isEmpty()) {
			lines.add(texts.render(Text.of("accompany.legal.locator", locator), language));
		}
		if (lines.isEmpty()) {
			lines.add(texts.render(Text.of("accompany.legal.none"), language));
		}
		return new Texts.Html(String.join("\n", lines));
	}

}
