package org.vigia.bot.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.vigia.core.chat.Input;
import org.vigia.core.chat.Places;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.Text;
import org.vigia.core.chat.Turn;
import org.vigia.core.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTests {

	static ResourceBundleMessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/chat", "i18n/bot");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	final Texts texts = new Texts(messages());

	@ParameterizedTest
	@ValueSource(strings = { "i18n/chat", "i18n/bot" })
	void spanishAndEnglishHaveTheSameKeys(String basename) throws IOException {
		Set<Object> english = load(basename + ".properties").keySet();
		Set<Object> spanish = load(basename + "_es.properties").keySet();

		assertThat(spanish).containsExactlyInAnyOrderElementsOf(english);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void everyQuestionOfTheReportFlowHasItsTextsAndValidHtml(String language) {
		var flow = new ReportFlow(new AllPlaces());
		List<Prompt> prompts = new ArrayList<>();
		Turn turn = flow.start(language);
		prompts.addAll(turn.prompts());
		for (Input input : List.of(new Input.Choice("HOME_OR_WORKPLACE"), new Input.Choice("st"),
				new Input.Typed("nowhere"), new Input.Choice("n1"), new Input.Choice("UNDER_30_MINUTES"),
				new Input.Choice("12"), new Input.Choice("5"), new Input.Choice("PLAIN_CLOTHES"),
				new Input.Choice("done"), new Input.RejectedPhoto("report.photo.tooLarge"), new Input.Photo("p1"),
				new Input.Typed("x".repeat(600)), new Input.Typed("<b>note</b> & more"), new Input.Choice("bogus"),
				new Input.Choice("send"))) {
			turn = flow.next(turn.draft(), input);
			prompts.addAll(turn.prompts());
		}
		assertThat(turn.status()).isEqualTo(Turn.Status.SUBMIT);

		for (Prompt prompt : prompts) {
			String html = texts.render(prompt.text(), language);
			assertThat(html).isNotBlank().doesNotContain("{0}");
			assertWellFormed(html);
			prompt.rows().forEach(row -> row.forEach(o -> assertThat(texts.render(o.label(), language)).isNotBlank()));
		}
	}

	@Test
	void whatAResidentTypedIsEscapedInTheSummary() {
		String html = texts.render(Text.of("report.confirm.summary", "a", "<a href=\"x\">Main</a> & 5th", "c", 1, 2,
				"-", "-", "<script>alert(1)</script>"), "en");

		assertThat(html).contains("&lt;a href=&quot;x&quot;&gt;Main&lt;/a&gt; &amp; 5th")
			.contains("&lt;script&gt;")
			.doesNotContain("<script>");
	}

	@Test
	void theWellFormednessCheckCatchesBrokenHtml() {
		for (String broken : List.of("<b>open", "<b>x</i>", "a & b", "x < y")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertWellFormed(broken))
				.isInstanceOf(AssertionError.class);
		}
	}

	@Test
	void everyBotTextRendersAsValidHtmlInBothLanguages() throws IOException {
		for (String language : List.of("en", "es")) {
			var bundle = load(language.equals("en") ? "i18n/bot.properties" : "i18n/bot_es.properties");
			for (Object key : bundle.keySet()) {
				Object[] args = { "<x>", "a & b", "c", 3, "d", "e", "f" };
				// a placeholder that counts (plural forms, numbers) takes a number
				String pattern = bundle.getProperty((String) key);
				for (int i = 0; i < args.length; i++) {
					if (pattern.contains("{" + i + ",choice") || pattern.contains("{" + i + ",number")) {
						args[i] = 2;
					}
				}
				String html = texts.render(Text.of((String) key, args), language);
				assertWellFormed(html);
			}
		}
	}

	@Test
	void telegramLanguageCodesMapToTheSupportedLanguages() {
		assertThat(Texts.language("es-MX")).isEqualTo("es");
		assertThat(Texts.language("es")).isEqualTo("es");
		assertThat(Texts.language("en-US")).isEqualTo("en");
		assertThat(Texts.language("pt-BR")).isEqualTo("en");
		assertThat(Texts.language(null)).isEqualTo("en");
	}

	static void assertWellFormed(String html) {
		// Telegram accepts only closed, properly nested tags and escaped &, <, >: a strict XML parse must pass
		String xml = "<r>" + html + "</r>";
		try {
			var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			builder.parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
		}
		catch (Exception ex) {
			throw new AssertionError("not well-formed for Telegram HTML: " + html, ex);
		}
	}

	static Properties load(String resource) throws IOException {
		var properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	static final class AllPlaces implements Places {

		@Override
		public boolean inServiceArea(GeoPoint point) {
			return true;
		}

		@Override
		public List<Choice> neighborhoods() {
			return List.of(new Choice("n1", "Pilsen & <Little Village>"));
		}

		@Override
		public Optional<GeoPoint> neighborhoodPoint(String value) {
			return Optional.of(GeoPoint.of(41.85, -87.66));
		}

		@Override
		public boolean canGeocode() {
			return true;
		}

		@Override
		public Optional<GeoPoint> geocode(String text) {
			return Optional.empty();
		}

	}

	static Instant now() {
		return Instant.parse("2026-11-24T18:00:00Z");
	}

}
