package org.vigia.bot.telegram;

import org.junit.jupiter.api.Test;

import org.vigia.core.messaging.StyledText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TelegramMessengerTests {

	@Test
	void callbackDataOverSixtyFourBytesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TelegramMessenger.callbackData("r:123456789:" + "ñ".repeat(27)));
		assertThat(TelegramMessenger.callbackData("r:2147483647:" + "x".repeat(24)).getBytes()).hasSizeLessThan(64);
	}

	@Test
	void theBundlesMarkupComesOutAsTheSameTelegramHtml() {
		String html = "<b>Invite</b> <code>7KQ2M</code>\n&lt;a href=&quot;x&quot;&gt;Main&lt;/a&gt; &amp; 5th <i>now</i>";

		assertThat(TelegramMessenger.html(StyledText.fromMarkup(html))).isEqualTo(html);
	}

	@Test
	void textAPersonTypedIsEscapedNeverMarkup() {
		assertThat(TelegramMessenger.html(StyledText.plain("<b>hi</b> & \"bye\"")))
			.isEqualTo("&lt;b&gt;hi&lt;/b&gt; &amp; &quot;bye&quot;");
	}

}
