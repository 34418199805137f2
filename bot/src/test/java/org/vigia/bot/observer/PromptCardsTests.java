package org.vigia.bot.observer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.vigia.bot.messages.Texts;
import org.vigia.bot.scene.Scene;
import org.vigia.bot.scene.SceneTexts;
import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.config.VigiaSettings;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.incident.IncidentLifecycle;
import org.vigia.core.incident.IncidentLifecycle.VerdictOutcome;
import org.vigia.core.incident.IncidentState;
import org.vigia.core.incident.Verdict;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.CountRange;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.core.report.Uniform;
import org.vigia.core.scene.Bearing;
import org.vigia.core.scene.ScenePlace;
import org.vigia.core.scene.SceneReports;
import org.vigia.core.scene.Where;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisChatState;
import org.vigia.store.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every observer message of a scene, read as the observer: each kind of scene, each way of saying where, each
 * stage of the observer (asked, going, answered each way) and each state of the scene (waiting, surge,
 * confirmed, posted, disputed, and every way it closes), in English and in Spanish. No text may show a program
 * constant, an internal id or a placeholder, or be markup Telegram would refuse; buttons appear only where the
 * observer can act.
 */
class PromptCardsTests {

	static final Instant T0 = Instant.parse("2026-11-24T16:00:00Z");

	static final GeoPoint SCENE = GeoPoint.of(41.8852, -87.6192);

	final Texts texts = new Texts(messages());

	final SceneTexts words = new SceneTexts(texts, ZoneId.of("America/Chicago"));

	final Pseudonyms pseudonyms = new Pseudonyms("a-test-secret-of-enough-length");

	// rendering cards reads and writes nothing: a template with no connection is never used
	final PromptButtons buttons = new PromptButtons(
			new RedisChatState(new org.springframework.data.redis.core.StringRedisTemplate(), new RedisKeys("unused:"),
					pseudonyms),
			pseudonyms, texts, VigiaSettings.defaults());

	final PromptCards cards = new PromptCards(words, buttons);

	final IncidentLifecycle lifecycle = new IncidentLifecycle(VigiaSettings.defaults());

	static ResourceBundleMessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/chat", "i18n/bot");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static final ObserverId ME = new ObserverId("obs-me-4f2a"), OTHER = new ObserverId("obs-other-9c1d"),
			THIRD = new ObserverId("obs-third-77aa");

	static Report report(int n, ReportKind kind, Set<Uniform> uniforms, String note) {
		return new Report(new ReportId("rep-" + n + "-x9"), kind, SCENE, null, null, Recency.NOW, T0.plusSeconds(n),
				T0.plusSeconds(n), new Sighting(CountRange.standingFor(n * 3), CountRange.standingFor(n), uniforms), note, null, new Pseudonym("pseudo-" + n), "es");
	}

	/** Every stage of the scene, with me asked (and going, and answering, as the stage says). */
	List<Incident> stages(ReportKind kind) {
		Incident opened = IncidentMerge.open(new IncidentId("inc-" + kind.ordinal() + "-z7"),
				report(1, kind, Set.of(Uniform.ICE), "<b>two</b> vans & a car"));
		opened = IncidentMerge.join(opened, report(2, kind, EnumSet.allOf(Uniform.class), null));
		Incident asked = lifecycle.dispatch(opened, Set.of(ME, OTHER, THIRD), 3000, T0.plusSeconds(10)).incident();
		Incident surged = lifecycle.surge(asked, T0.plusSeconds(20)).incident();
		Incident going = lifecycle.going(asked, ME, T0.plusSeconds(30)).orElseThrow().incident();
		going = lifecycle.going(going, OTHER, T0.plusSeconds(31)).orElseThrow().incident();
		going = lifecycle.going(going, THIRD, T0.plusSeconds(32)).orElseThrow().incident();
		Incident declined = lifecycle.declined(asked, ME, T0.plusSeconds(30)).orElseThrow().incident();
		Incident police = verdict(going, ME, VerdictKind.LOCAL_POLICE, 40);
		Incident ice = verdict(going, ME, VerdictKind.ICE_CONFIRMED, 40);
		Incident confirmed = verdict(ice, OTHER, VerdictKind.ICE_CONFIRMED, 50);
		Incident published = lifecycle.published(confirmed, 1, T0.plusSeconds(60)).incident();
		Incident disputed = verdict(published, THIRD, VerdictKind.NOTHING_THERE, 70);
		var all = new ArrayList<>(List.of(asked, surged, going, declined, police, ice, confirmed, published, disputed,
				lifecycle.end(published, org.vigia.core.incident.ActorKind.OBSERVER, "agents-left", T0.plusSeconds(80))
					.incident(),
				lifecycle.dispatcherReject(going, IncidentState.NOT_ICE, "hotline", T0.plusSeconds(80)).incident(),
				verdict(verdict(police, OTHER, VerdictKind.NOTHING_THERE, 50), THIRD, VerdictKind.NOTHING_THERE, 55),
				lifecycle.deadlineCheck(asked, T0.plusSeconds(7200)).orElseThrow().incident()));
		assertThat(all).extracting(Incident::state).containsAll(EnumSet.complementOf(EnumSet.of(IncidentState.NEW)));
		return all;
	}

	Incident verdict(Incident incident, ObserverId observer, VerdictKind kind, int seconds) {
		var outcome = lifecycle.recordVerdict(incident, new Verdict(observer, kind, false, T0.plusSeconds(seconds), null),
				T0.plusSeconds(seconds));
		return ((VerdictOutcome.Counted) outcome).transition().incident();
	}

	static final List<ScenePlace> PLACES = List.of(
			new ScenePlace(new Where.Given("Randolph & <Columbus>"), SCENE, false, "Cook County"),
			new ScenePlace(new Where.Address("300 E Randolph St"), SCENE, false, "Cook County"),
			new ScenePlace(new Where.NearPlace("Millennium Park", 410, Bearing.NORTH_EAST), SCENE, false, "Cook County"),
			new ScenePlace(new Where.NearPlace("Daley Plaza", 20, Bearing.SOUTH), SCENE, false, "Cook County"),
			new ScenePlace(new Where.NearPlace("Union Station", 1550, Bearing.WEST), SCENE, false, "Cook County"),
			new ScenePlace(new Where.InArea("Cook County"), SCENE, false, "Cook County"),
			new ScenePlace(new Where.SomewhereIn("Cook County"), SCENE, true, "Cook County"),
			new ScenePlace(new Where.OnlyThePin(), SCENE, false, null));

	@Test
	void everyObserverMessageOfEveryStageReadsAsWordsInBothLanguages() {
		int rendered = 0;
		for (String language : List.of("en", "es")) {
			var me = new Observer(ME, "Ana R.", "7500001", false, language, T0);
			for (ReportKind kind : ReportKind.values()) {
				for (Incident incident : stages(kind)) {
					var reports = List.of(report(1, kind, Set.of(Uniform.ICE), "<b>two</b> vans & a car"),
							report(2, kind, EnumSet.allOf(Uniform.class), null));
					for (int p = 0; p < PLACES.size(); p++) {
						var scene = new Scene(incident, PLACES.get(p), SceneReports.of(incident, reports));
						// where the observer is: unknown, 400 m away, at the scene (in turn)
						Optional<GeoPoint> position = List.of(Optional.<GeoPoint>empty(),
								Optional.of(GeoPoint.of(41.8830, -87.6230)), Optional.of(SCENE)).get(p % 3);
						for (PromptCards.Card card : List.of(cards.ask(scene, me, position), cards.verdict(scene, me, position))) {
							readable(card.html(), incident);
							if (card.keyboard() != null) {
								card.keyboard().forEach(row -> row.forEach(b -> {
									readable(b.label(), incident);
									assertThat(b.value().getBytes(java.nio.charset.StandardCharsets.UTF_8))
										.hasSizeLessThanOrEqualTo(64);
								}));
							}
							rendered++;
						}
					}
				}
			}
		}
		System.out.println("PromptCardsTests | observer messages rendered and read: " + rendered);
	}

	void readable(String text, Incident incident) {
		assertThat(text).doesNotContainPattern("[A-Z]{3,}_[A-Z_]+")
			.doesNotContain("{0}")
			.doesNotContain("{1}")
			.doesNotContain("null")
			.doesNotContain(incident.id().value())
			.doesNotContain(ME.value())
			.doesNotContain(OTHER.value())
			.doesNotContain("rep-")
			.doesNotContain("pseudo-")
			.doesNotContain("<Columbus>")
			.doesNotContain("<b>two</b>");
		org.vigia.bot.TelegramHtml.assertWellFormed(text);
	}

	@Test
	void buttonsAppearOnlyWhereTheObserverCanAct() {
		var me = new Observer(ME, "Ana R.", "7500001", false, "en", T0);
		List<Incident> stages = stages(ReportKind.CHECKPOINT);
		Incident asked = stages.get(0), going = stages.get(2), declined = stages.get(3), police = stages.get(4),
				ice = stages.get(5), published = stages.get(7), ended = stages.get(9);
		ScenePlace place = PLACES.get(2);

		assertThat(actions(cards.ask(scene(asked, place), me, Optional.empty()))).containsExactly("going", "cant");
		assertThat(actions(cards.ask(scene(going, place), me, Optional.empty()))).isEmpty();
		assertThat(actions(cards.ask(scene(declined, place), me, Optional.empty()))).isEmpty();
		assertThat(actions(cards.verdict(scene(going, place), me, Optional.empty())))
			.containsExactly("ice", "police", "other", "nothing");
		assertThat(actions(cards.verdict(scene(police, place), me, Optional.empty()))).isEmpty();
		assertThat(actions(cards.verdict(scene(ice, place), me, Optional.empty()))).as("not confirmed yet").isEmpty();
		assertThat(actions(cards.verdict(scene(published, place), me, Optional.empty()))).containsExactly("left");
		assertThat(actions(cards.verdict(scene(ended, place), me, Optional.empty()))).isEmpty();
		assertThat(cards.verdict(scene(ended, place), me, Optional.empty()).html()).contains("Closed: the agents were reported gone");
	}

	Scene scene(Incident incident, ScenePlace place) {
		return new Scene(incident, place, SceneReports.of(incident, List.of()));
	}

	static List<String> actions(PromptCards.Card card) {
		if (card.keyboard() == null) {
			return List.of();
		}
		var out = new ArrayList<String>();
		card.keyboard().forEach(row -> row.forEach(b -> {
			String data = b.value();
			out.add(data.substring(data.lastIndexOf(':') + 1));
		}));
		return out;
	}

}
