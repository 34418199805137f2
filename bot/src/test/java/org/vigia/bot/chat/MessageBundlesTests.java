package org.vigia.bot.chat;

import org.vigia.bot.messages.Texts;

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
import org.vigia.core.chat.Option;
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

	/**
	 * Every button of every question, in both languages: the summary shows the answer in the words of the button
	 * pressed, and no text or label of the flow shows a program constant.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theSummaryShowsEveryAnswerAsItsButtonSaidIt(String language) {
		var flow = new ReportFlow(new AllPlaces());
		Turn atKind = flow.start(language);
		for (Option kind : answers(atKind)) {
			Turn atWhen = flow.next(flow.next(atKind.draft(), new Input.Choice(kind.value())).draft(),
					new Input.Location(GeoPoint.of(41.85, -87.66)));
			for (Option when : answers(atWhen)) {
				Turn atAgents = flow.next(atWhen.draft(), new Input.Choice(when.value()));
				for (Option agents : answers(atAgents)) {
					Turn atVehicles = flow.next(atAgents.draft(), new Input.Choice(agents.value()));
					for (Option vehicles : answers(atVehicles)) {
						Turn atUniforms = flow.next(atVehicles.draft(), new Input.Choice(vehicles.value()));
						Turn turn = atUniforms;
						for (Option uniform : answers(atUniforms)) {
							if (!uniform.value().equals("done")) {
								turn = flow.next(turn.draft(), new Input.Choice(uniform.value()));
							}
						}
						for (String value : List.of("done", "skip", "skip")) {
							turn = flow.next(turn.draft(), new Input.Choice(value));
						}
						String summary = texts.render(turn.prompts().get(0).text(), language);
						String[] lines = summary.split("\n");
						assertThat(lines[2]).endsWith(": " + label(kind, language));
						assertThat(lines[4]).endsWith(": " + label(when, language));
						assertThat(lines[5]).endsWith(": " + label(agents, language));
						assertThat(lines[6]).endsWith(": " + label(vehicles, language));
						for (Turn shown : List.of(atKind, atWhen, atAgents, atVehicles, atUniforms, turn)) {
							String all = texts.render(shown.prompts().get(0).text(), language) + " "
									+ answers(shown).stream().map(o -> label(o, language)).toList();
							assertThat(all).doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b");
						}
					}
				}
			}
		}
	}

	@Test
	void uniformsAreListedByTheirLabelsInTheSummary() {
		var flow = new ReportFlow(new AllPlaces());
		Turn turn = flow.start("es");
		for (Input input : List.of(new Input.Choice("OTHER"), new Input.Location(GeoPoint.of(41.85, -87.66)),
				new Input.Choice("NOW"), new Input.Choice("4"), new Input.Choice("3"), new Input.Choice("PLAIN_CLOTHES"),
				new Input.Choice("POLICE"), new Input.Choice("UNSURE"), new Input.Choice("done"), new Input.Choice("skip"),
				new Input.Choice("skip"))) {
			turn = flow.next(turn.draft(), input);
		}

		assertThat(texts.render(turn.prompts().get(0).text(), "es"))
			.contains("Uniformes: Policía, Ropa de civil, No estoy seguro/a\n");
	}

	/** The answer buttons of a question (not back, cancel or skip). */
	private static List<Option> answers(Turn turn) {
		return turn.prompts().get(0).rows().stream().flatMap(List::stream)
			.filter(o -> !List.of("back", "cancel", "skip", "nb", "st").contains(o.value()))
			.toList();
	}

	private String label(Option option, String language) {
		return texts.render(option.label(), language);
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
