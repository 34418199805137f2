package org.vigia.bot.accompany;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.messaging.Transport;

import static org.assertj.core.api.Assertions.assertThat;

/** Family links as each messenger carries them: a deep link on Telegram, a message to send elsewhere. */
class LinkOfferTests {

	static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

	final FamilyLinks links = new FamilyLinks("link-offer-test-secret-0123456789");

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void onTelegramWithTheBotsUsernameTheLinkOpensTheBotWithTheCode() {
		var offer = new LinkOffer(links, "vigia_bot", Transport.TELEGRAM, clock).offer(AppointmentId.random(),
				NOW.plusSeconds(3 * 24 * 3600));

		assertThat(offer.text().key()).isEqualTo("accompany.family.link.telegram");
		String url = (String) offer.text().args().get(0);
		assertThat(url).matches("https://t\\.me/vigia_bot\\?start=f_[A-Za-z0-9_-]{22}");
		String code = url.substring(url.indexOf("start=") + "start=".length());
		assertThat(offer.link().hash()).isEqualTo(links.hash(code));
		assertThat(offer.link().expires()).isEqualTo(NOW.plus(FamilyLinks.VALID_FOR));
	}

	@Test
	void onSignalOrWithoutAUsernameTheContactIsGivenTheMessageToSend() {
		for (var offer : java.util.List.of(new LinkOffer(links, "vigia_bot", Transport.SIGNAL, clock),
				new LinkOffer(links, "", Transport.TELEGRAM, clock))) {
			var given = offer.offer(AppointmentId.random(), NOW.plusSeconds(3600));

			assertThat(given.text().key()).isEqualTo("accompany.family.link.code");
			String message = (String) given.text().args().get(0);
			assertThat(message).matches("/start f_[A-Za-z0-9_-]{22}");
			assertThat(given.link().hash()).isEqualTo(links.hash(message.substring("/start ".length())));
			// the appointment is in an hour: the link stops working then
			assertThat(given.link().expires()).isEqualTo(NOW.plusSeconds(3600));
		}
	}

}
