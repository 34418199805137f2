package org.vigia.core.messaging;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundles' markup, read into styled spans: input markup, then the spans as [style]text. */
class StyledTextTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			plain words                                    | text:plain words
			<b>What is happening?</b> Tell us              | bold:What is happening? / text: Tell us
			a <i>Main St and 5th Ave</i>                   | text:a  / italic:Main St and 5th Ave
			<b>bold <i>both</i></b>                        | bold:bold  / bold+italic:both
			signed by a <b>judge</b>.                      | text:signed by a  / bold:judge / text:.
			<a href="https://example.org/rights">rights</a> | link(https://example.org/rights):rights
			<a href="javascript:alert(1)">click</a>        | text:click
			<a href="tel:+15551234567">call</a>            | text:call
			Tom &amp; Jerry &lt;3 &quot;x&quot;            | text:Tom & Jerry <3 "x"
			<script>alert(1)</script>ok                    | text:ok
			<u>under</u> <s>struck</s>                     | text:under struck
			<b>open                                        | bold:open
			one<br>two                                     | text:one\\ntwo
			""")
	void markupBecomesStyledSpans(String markup, String expected) {
		assertThat(describe(StyledText.fromMarkup(markup))).isEqualTo(expected.replace("\\n", "\n"));
	}

	@Test
	void newlinesOfTheBundlesAreKept() {
		var text = StyledText.fromMarkup("<b>Where is it?</b>\nShare your location.");

		assertThat(text.plainText()).isEqualTo("Where is it?\nShare your location.");
	}

	@Test
	void typedTextIsNeverReadAsMarkup() {
		var text = StyledText.plain("<b>not bold</b> <a href=\"https://x.org\">x</a>");

		assertThat(text.spans()).singleElement().satisfies(s -> {
			assertThat(s.plain()).isTrue();
			assertThat(s.text()).isEqualTo("<b>not bold</b> <a href=\"https://x.org\">x</a>");
		});
	}

	@Test
	void adjacentSpansOfOneStyleAreMergedAndEmptyTextHasNoSpans() {
		var text = StyledText.bold("1").append(StyledText.bold("0")).append(StyledText.plain("")).append(
				StyledText.plain(" ten"));

		assertThat(text.spans()).containsExactly(new StyledText.Span("10", true, false, null),
				new StyledText.Span(" ten", false, false, null));
		assertThat(StyledText.plain("").isEmpty()).isTrue();
		assertThat(new StyledText(List.of()).plainText()).isEmpty();
	}

	static String describe(StyledText text) {
		return String.join(" / ", text.spans().stream().map(s -> {
			String style = s.link() != null ? "link(" + s.link() + ")"
					: s.bold() && s.italic() ? "bold+italic" : s.bold() ? "bold" : s.italic() ? "italic" : "text";
			return style + ":" + s.text();
		}).toList());
	}

}
