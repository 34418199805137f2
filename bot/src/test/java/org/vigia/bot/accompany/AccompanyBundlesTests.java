package org.vigia.bot.accompany;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.vigia.bot.messages.Texts;
import org.vigia.core.accompany.AccompanyFlow;
import org.vigia.core.accompany.AccompanyPlaces;
import org.vigia.core.accompany.AccompanyTurn;
import org.vigia.core.chat.Input;
import org.vigia.core.chat.Option;
import org.vigia.core.chat.Prompt;
import org.vigia.core.chat.Text;
import org.vigia.core.scene.NamedPlaces;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the accompaniment request, rendered as a person reads it, in English and Spanish: present in both
 * bundles, valid Telegram HTML, no program constant and no placeholder left.
 */
class AccompanyBundlesTests {

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	static final String PLACES = """
			{"type":"FeatureCollection","features":[
			{"type":"Feature","properties":{"name":"Chicago Immigration Court","address":"525 W Van Buren St","kind":"court"},
			 "geometry":{"type":"Point","coordinates":[-87.6393,41.8764]}},
			{"type":"Feature","properties":{"name":"ICE Chicago Field Office","address":"101 W Congress Pkwy","kind":"ice_office"},
			 "geometry":{"type":"Point","coordinates":[-87.6311,41.8757]}}]}""";

	final Texts texts;

	final AccompanyPlaces places = new AccompanyPlaces(NamedPlaces.fromGeoJson(PLACES));

	final AccompanyFlow flow = new AccompanyFlow(places, List.of("en", "es"), CHICAGO,
			Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), CHICAGO),
			(id, at) -> new org.vigia.core.accompany.FamilyLinkOffer.Offer(
					Text.of("accompany.family.link.telegram", "https://t.me/vigia_bot?start=f_AAAAAAAAAAAAAAAAAAAAAA"),
					new org.vigia.core.accompany.FamilyLinks.Pending("0".repeat(64), Instant.parse("2026-03-03T15:00:00Z"))));

	AccompanyBundlesTests() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/chat", "i18n/bot", "i18n/accompany");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		texts = new Texts(source);
	}

	@Test
	void spanishAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("i18n/accompany_es.properties").keySet())
			.containsExactlyInAnyOrderElementsOf(load("i18n/accompany.properties").keySet());
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void everyQuestionAndAnswerOfTheRequestReadsAsTextInBothLanguages(String language) {
		String court = places.all().get(0).key();
		List<Prompt> prompts = new ArrayList<>();
		AccompanyTurn turn = flow.start(language);
		prompts.addAll(turn.prompts());
		for (Input input : List.of(new Input.Typed("hola"), new Input.Choice("COURT_HEARING"), new Input.Choice("else"),
				new Input.Typed("A123456789"), new Input.Typed("<b>55 E Monroe</b> & more"), new Input.Choice("back"),
				new Input.Choice(court), new Input.Typed("31/2"), new Input.Typed("1/1/2026"), new Input.Typed("5/3/2029"),
				new Input.Choice("d20260301"), new Input.Choice("d20260302"), new Input.Choice("t0730"),
				new Input.Typed("3:00"), new Input.Typed("nunca"), new Input.Choice("t1430"), new Input.Choice("fr"),
				new Input.Choice("es"), new Input.Choice("c9"), new Input.Choice("c3"), new Input.Typed(""),
				new Input.Typed("Rosa 312-555-0142"), new Input.Typed("x".repeat(300)),
				new Input.Typed("Rosa <b>roja</b> & más"), new Input.Choice("link"), new Input.Choice("next"),
				new Input.Choice("nope"), new Input.Choice("send"))) {
			turn = flow.next(turn.draft(), input);
			prompts.addAll(turn.prompts());
		}
		assertThat(turn.status()).isEqualTo(AccompanyTurn.Status.CONFIRMED);
		prompts.addAll(flow.next(turn.draft(), new Input.Choice("cancel")).prompts());

		for (Prompt prompt : prompts) {
			String html = texts.render(prompt.text(), language);
			assertReadable(html);
			for (List<Option> row : prompt.rows()) {
				for (Option option : row) {
					assertReadable(texts.render(option.label(), language));
				}
			}
		}
		String all = String.join("\n", prompts.stream().map(p -> texts.render(p.text(), language)).toList());
		assertThat(all).contains("Rosa &lt;b&gt;roja&lt;/b&gt; &amp; más").doesNotContain("A123456789")
			.doesNotContain("312-555-0142");
	}

	@Test
	void theSummaryShowsTheAnswersInTheWordsOfTheButtonsInSpanish() {
		AccompanyTurn turn = flow.start("es");
		for (Input input : List.of(new Input.Choice("ICE_CHECK_IN"), new Input.Choice(places.all().get(1).key()),
				new Input.Choice("d20260303"), new Input.Choice("t0800"), new Input.Choice("es"), new Input.Choice("c1"),
				new Input.Typed("Lupe, suéter verde"), new Input.Choice("nolink"))) {
			turn = flow.next(turn.draft(), input);
		}

		assertThat(Texts.plain(texts.render(turn.prompts().get(0).text(), "es"))).isEqualTo("""
				Revise su solicitud, por favor

				Qué: Cita de reporte con ICE (check-in)
				Dónde: ICE Chicago Field Office, 101 W Congress Pkwy
				Cuándo: martes, 3 de marzo de 2026, a las 8:00
				Idioma: Español
				Voluntarios: Uno
				Cómo reconocerle: Lupe, suéter verde
				Contacto familiar: ninguno""");
		turn = flow.next(turn.draft(), new Input.Choice("send"));
		assertThat(Texts.plain(texts.render(turn.prompts().get(0).text(), "es")))
			.contains("Estamos buscando voluntarios que hablen español.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void everyTextAfterTheRequestReadsAsValidHtmlWithWhatPeopleTypedEscaped(String language) throws IOException {
		var bundle = load("i18n/accompany.properties");
		for (Object key : bundle.keySet()) {
			// what people typed (a description, a name, an address) arrives as arguments, escaped
			Object[] args = { "Zoé <b>roja</b> & más", "Ana", "555-0199", 2, "x", "y", "z" };
			String html = texts.render(Text.of((String) key, args), language);
			assertReadable(html);
			if (html.contains("Zoé")) {
				assertThat(html).contains("Zoé &lt;b&gt;roja&lt;/b&gt; &amp; más");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void theLegalHelpTextLeavesOutWhatTheNetworkDidNotSet(String language) {
		String all = Texts.plain(new LegalHelp("555-0199", "", "https://locator.ice.gov/odls/").render(texts, language).html());
		assertThat(all).contains("555-0199").contains("https://locator.ice.gov/odls/").doesNotContain("\n\n");
		assertThat(all.lines()).hasSize(2);
		assertThat(Texts.plain(new LegalHelp("", "", "").render(texts, language).html())).isNotBlank()
			.doesNotContain("555");
	}

	private static void assertReadable(String html) {
		assertThat(html).isNotBlank()
			.doesNotContain("{0}")
			.doesNotContain("accompany.")
			.doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b");
		try {
			var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			builder.parse(new org.xml.sax.InputSource(new java.io.StringReader("<r>" + html + "</r>")));
		}
		catch (Exception ex) {
			throw new AssertionError("not well-formed Telegram HTML: " + html, ex);
		}
	}

	private static Properties load(String resource) throws IOException {
		var properties = new Properties();
		try (InputStream in = AccompanyBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
