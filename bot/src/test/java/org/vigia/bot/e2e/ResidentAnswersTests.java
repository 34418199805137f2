package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.bot.telegram.FakeTelegram;
import org.vigia.bot.telegram.FakeTelegram.Call;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a resident reads, in English and Spanish, from the bot started as a whole against the fake Bot API:
 * an honest answer on sending (volunteers asked, or nobody near with the hotline, and then the dispatchers told
 * at once), a summary in the words of the buttons they pressed, uniform taps that edit one question, the
 * welcome's buttons, and a venue's name as the place.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResidentAnswersTests {

	static final String PREFIX = "vigia-residents:";

	/** An observer on duty in Aurora (Kane County); nobody is on duty anywhere near Texas. */
	static final long OBSERVER = 7_100_501;

	static final double AURORA_LAT = 41.7606, AURORA_LON = -88.3201;

	/** San Marcos (Hays County) and Austin (Travis County): no observer within the widened 6 km. */
	static final double SAN_MARCOS_LAT = 29.8833, SAN_MARCOS_LON = -97.9414;

	static final double AUSTIN_LAT = 30.2672, AUSTIN_LON = -97.7431;

	@TempDir
	static Path data;

	static FakeTelegram telegram;

	static TestBot bot;

	static final List<Long> residents = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		telegram = new FakeTelegram();
		bot = TestBot.start(telegram, data, PREFIX);
		Scenario.polling(telegram).becomeObserver(OBSERVER, AURORA_LAT + 0.003, AURORA_LON);
	}

	@AfterAll
	static void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	static ResidentChat resident(long chat, String language) {
		residents.add(chat);
		return new ResidentChat(telegram, chat, language);
	}

	static long staleAnswers() {
		return telegram.calls("answerCallbackQuery").stream().filter(c -> c.params().path("text").asText()
			.matches("That button is no longer active\\.|Ese botón ya no está activo\\.")).count();
	}

	static List<String> toDispatchers(String containing) {
		return telegram.deliveredTo(Scenario.DISPATCHER).stream().map(Call::text).filter(t -> t.contains(containing))
			.toList();
	}

	@Test
	@Order(1)
	void withNoObserverNearTheResidentIsToldSoWithTheHotlineAndDispatchersHearOfItInWords() {
		var maria = resident(7_100_101, "en");
		Call summary = maria.toSummary("DETENTION",
				() -> maria.venue(SAN_MARCOS_LAT, SAN_MARCOS_LON, "H-E-B Plus!", "641 E Hopkins St, San Marcos, TX"),
				"NOW", "4", "3", List.of("ICE", "PLAIN_CLOTHES"));
		assertThat(summary.text()).contains("Where: H-E-B Plus!, 641 E Hopkins St, San Marcos, TX");

		Call answer = maria.press("send");

		assertThat(answer.text()).contains("no trained volunteer is on duty near there")
			.contains("call the hotline: 555-0100")
			.contains("do not repost")
			.doesNotContain("are being asked");
		Scenario.await(() -> assertThat(toDispatchers("No observer can check this scene")).hasSize(1));
		assertThat(toDispatchers("No observer can check this scene").get(0)).contains("Someone being detained")
			.contains("📍 H-E-B Plus!, 641 E Hopkins St, San Marcos, TX")
			.contains("within 6 km");

		// the dispatcher reads Spanish from now on; a Spanish resident in Austin, where nobody is on duty either
		new ResidentChat(telegram, Scenario.DISPATCHER, "en").send(telegram.press(Scenario.DISPATCHER, "en", "l:es"));
		var jose = resident(7_100_102, "es");
		Call resumen = jose.toSummary("CHECKPOINT", () -> jose.share(AUSTIN_LAT, AUSTIN_LON), "UNDER_30_MINUTES", "2",
				"0", List.of());
		assertThat(resumen.text()).contains("Dónde: ubicación compartida", "Agentes: 1–2", "Vehículos: Ninguno / no sé",
				"Uniformes: sin indicar");

		Call respuesta = jose.press("sendf");

		assertThat(respuesta.text()).contains("no hay ningún voluntario capacitado de turno cerca de allí")
			.contains("llame a la línea de ayuda: 555-0100")
			.contains("se lo diremos")
			.doesNotContain("Estamos pidiendo");
		Scenario.await(() -> assertThat(toDispatchers("Ningún observador puede verificar esta escena")).hasSize(1));
		assertThat(toDispatchers("Ningún observador puede verificar esta escena").get(0))
			.contains("Retén o punto de control")
			.contains("📍 Travis County")
			.contains("a menos de 6 km");
	}

	@Test
	@Order(2)
	void withAnObserverNearTheResidentIsToldVolunteersAreAskedAndDispatchersAreNotDisturbed() {
		var ann = resident(7_100_103, "en");
		ann.toSummary("VEHICLES_WAITING", () -> ann.share(AURORA_LAT, AURORA_LON), "NOW", "8", "5", List.of("HSI"));

		assertThat(ann.press("send").text()).startsWith("Thank you. Trained volunteers nearby are being asked to check.")
			.contains("do not repost")
			.doesNotContain("hotline");

		var lupe = resident(7_100_104, "es");
		Call resumen = lupe.toSummary("VEHICLES_WAITING", () -> lupe.share(AURORA_LAT + 0.001, AURORA_LON), "NOW", "4",
				"3", List.of("PLAIN_CLOTHES", "ICE"));
		assertThat(resumen.text()).contains("Agentes: 3–5", "Vehículos: 2–3", "Uniformes: ICE, Ropa de civil")
			.doesNotContain("PLAIN_CLOTHES");
		assertThat(lupe.press("send").text())
			.startsWith("Gracias. Estamos pidiendo a voluntarios capacitados cercanos que vayan a verificar.")
			.doesNotContain("línea de ayuda");

		Scenario.await(() -> assertThat(telegram.deliveredTo(OBSERVER)).anyMatch(c -> c.text().contains("Can you go")));
		assertThat(toDispatchers("No observer")).hasSize(1);
		assertThat(toDispatchers("Ningún observador")).hasSize(1);
	}

	@Test
	@Order(3)
	void theSummaryShowsEachAnswerInTheWordsOfItsButton() {
		var sam = resident(7_100_105, "en");
		Call summary = sam.toSummary("HOME_OR_WORKPLACE", () -> sam.share(AURORA_LAT, AURORA_LON), "EARLIER", "12", "1",
				List.of("ERO", "PLAIN_CLOTHES", "UNSURE"));

		assertThat(summary.text()).contains("What: At a home or workplace", "Where: shared location",
				"When: Earlier", "Agents: More than 10", "Vehicles: 1", "Uniforms: ERO, Plain clothes, Not sure",
				"Photo: none", "Note: none");
		assertThat(summary.text()).doesNotContain("Agents: 12").doesNotContain("PLAIN_CLOTHES");
		sam.say("/cancel");
	}

	@Test
	@Order(4)
	void tappingUniformsEditsTheOneQuestionInPlace() {
		for (var person : List.of(resident(7_100_106, "en"), resident(7_100_107, "es"))) {
			person.say("/report");
			person.press("DETENTION");
			person.share(AURORA_LAT, AURORA_LON);
			person.press("NOW");
			person.press("4");
			Call question = person.press("3");
			long messageId = telegram.messageId(question);
			int sent = telegram.sentTo(person.chat).size();

			long staleBefore = staleAnswers();
			person.press("ICE");
			person.press("HSI");
			person.press("ICE");
			// two taps at once, as a thumb does: both count, neither is "no longer active"
			person.sendAll(telegram.press(person.chat, person.language, person.button("PLAIN_CLOTHES")),
					telegram.press(person.chat, person.language, person.button("ERO")));

			assertThat(telegram.sentTo(person.chat)).as("no new copy of the question").hasSize(sent);
			assertThat(staleAnswers()).isEqualTo(staleBefore);
			List<Call> edits = telegram.editsTo(person.chat);
			assertThat(edits).hasSize(5).allSatisfy(e -> assertThat(e.params().path("message_id").asInt()).isEqualTo(messageId));
			List<String> labels = person.last().buttonLabels();
			assertThat(labels).contains("✅ HSI", "✅ ERO").doesNotContain("✅ ICE");
			assertThat(labels).contains("en".equals(person.language) ? "✅ Plain clothes" : "✅ Ropa de civil");
			assertThat(person.press("done").text()).contains("en".equals(person.language) ? "Photo (optional)" : "Foto (opcional)");
			person.say("/cancel");
		}
	}

	@Test
	@Order(5)
	void theWelcomeOffersBigButtonsForWhatPeopleComeFor() {
		for (var person : List.of(resident(7_100_108, "en"), resident(7_100_109, "es"))) {
			boolean english = "en".equals(person.language);
			Call welcome = person.say("/start");

			assertThat(welcome.text()).contains("/report", "/check", "/rights");
			assertThat(welcome.buttons()).containsExactly("s:report", "s:check", "s:rights", "s:language");
			assertThat(welcome.buttonLabels()).containsExactly(
					english ? "📣 Report what you see" : "📣 Reportar lo que ve",
					english ? "🔎 Is a rumor true?" : "🔎 ¿Es cierto un rumor?",
					english ? "⚖️ Know your rights" : "⚖️ Conozca sus derechos", "🌐 English / Español");
			assertThat(person.press("report").text()).contains(english ? "What is happening?" : "¿Qué está pasando?");
			person.say("/cancel");
			person.say("/start");
			assertThat(person.press("check").text()).contains(english ? "Is a rumor true?" : "¿Es cierto un rumor?");
			person.say("/start");
			assertThat(person.press("rights").text()).contains(english ? "Know your rights" : "Conozca sus derechos")
				.contains("555-0100");
			person.say("/start");
			assertThat(person.press("language").buttons()).containsExactly("l:en", "l:es");
		}
	}

	@Test
	@Order(6)
	void aVenuesNameAndAddressAreThePlaceAndAPlainLocationStillWorks() {
		var rosa = resident(7_100_110, "es");
		rosa.say("/report");
		rosa.press("COURTHOUSE");
		Call next = rosa.venue(AURORA_LAT, AURORA_LON, "Kane County Branch Court", "1200 N Randall Rd, Aurora, IL");
		assertThat(next.text()).contains("¿Cuándo lo vio?");
		Call resumen = rosa.fromWhen("NOW", "2", "1", List.of("POLICE"));

		assertThat(resumen.text()).contains("Dónde: Kane County Branch Court, 1200 N Randall Rd, Aurora, IL");
		rosa.press("send");
		var report = bot.bean(org.vigia.store.RedisIncidentStore.class).open().stream()
			.flatMap(i -> bot.bean(org.vigia.store.RedisReportStore.class).findAll(i.reports()).stream())
			.filter(r -> "Kane County Branch Court, 1200 N Randall Rd, Aurora, IL".equals(r.placeText()))
			.findFirst();
		assertThat(report).as("the venue is the report's place").isPresent();
		assertThat(report.get().area()).as("a venue is a point, not a whole neighborhood").isNull();
	}

	@Test
	@Order(7)
	void aReportBegunBeforeAnUpgradeShowsTheRangesItsButtonsOffered() {
		var ines = resident(7_100_111, "en");
		// the state the previous version saved at the uniform question: counts as the buttons' numbers
		String saved = "{\"mode\":\"REPORT\",\"language\":\"en\",\"draft\":{\"step\":\"UNIFORM\",\"turn\":5,"
				+ "\"language\":\"en\",\"kind\":\"DETENTION\",\"location\":{\"latitude\":41.7606,\"longitude\":-88.3201},"
				+ "\"placeText\":null,\"area\":null,\"recency\":\"NOW\",\"agents\":4,\"vehicles\":3,\"uniforms\":[\"ICE\"],"
				+ "\"photo\":null,\"note\":null},\"code\":null}";
		String key = PREFIX + "conv:" + bot.bean(org.vigia.store.Pseudonyms.class).chat(Long.toString(ines.chat));
		bot.bean(StringRedisTemplate.class).opsForValue().set(key, saved, java.time.Duration.ofMinutes(30));

		ines.send(telegram.press(ines.chat, "en", "r:5:done"));
		ines.press("skip");
		Call summary = ines.press("skip");

		assertThat(summary.text()).contains("What: Someone being detained", "Agents: 3–5", "Vehicles: 2–3",
				"Uniforms: ICE");
	}

	@Test
	@Order(9)
	void nothingAResidentReadsShowsAConstantAnIdOrACountTheyDidNotChoose() {
		var texts = ResidentTranscript.read(telegram, residents);
		var ids = ResidentTranscript.ids(bot.bean(StringRedisTemplate.class), PREFIX);

		assertThat(ids).as("ids to look for").isNotEmpty();
		ResidentTranscript.assertReadsAsWritten(texts, ids);
	}

}
