package org.vigia.bot.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vigia.bot.scene.Scene;
import org.vigia.bot.scene.Scenes;
import org.vigia.core.cluster.IncidentMerge;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;
import org.vigia.core.scene.NamedPlaces;
import org.vigia.core.scene.ScenePlace;
import org.vigia.core.scene.ScenePlaces;
import org.vigia.core.scene.SceneReports;
import org.vigia.core.scene.Where;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a public channel may say a scene is: never a family's address, and pins rounded. */
class PublisherTests {

	static final GeoPoint HOUSE = GeoPoint.of(41.885237, -87.619243);

	final Publisher publisher;

	PublisherTests() throws IOException {
		NamedPlaces places;
		try (InputStream in = PublisherTests.class.getResourceAsStream("/geo/sample-places.geojson")) {
			places = NamedPlaces.fromGeoJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		var scenes = new Scenes(null, new ScenePlaces(() -> places, ScenePlaces.AddressLookup.NONE,
				point -> Optional.of("Cook County")));
		publisher = new Publisher(null, null, null, scenes, null, null, 250, null);
	}

	static Scene scene(ReportKind kind, Where where) {
		var report = new Report(new ReportId("r1"), kind, HOUSE, "1234 N Elm St, apt 2", null, Recency.NOW,
				Instant.parse("2026-11-24T16:00:00Z"), Instant.parse("2026-11-24T16:00:00Z"), Sighting.UNKNOWN, null, null,
				new Pseudonym("p1"), "es");
		Incident incident = IncidentMerge.open(new IncidentId("i1"), report);
		return new Scene(incident, new ScenePlace(where, HOUSE, false, "Cook County"),
				SceneReports.of(incident, List.of(report)));
	}

	@Test
	void aHomeOrWorkplaceIsDescribedOnlyAroundItsPointAndPinnedToAboutAHundredMetres() {
		ScenePlace place = publisher.publicPlace(scene(ReportKind.HOME_OR_WORKPLACE, new Where.Given("1234 N Elm St, apt 2")));

		assertThat(place.where()).isInstanceOfSatisfying(Where.NearPlace.class,
				near -> assertThat(near.place()).isEqualTo("Millennium Park"));
		assertThat(place.pin()).isEqualTo(GeoPoint.of(41.885, -87.619));
		ScenePlace address = publisher.publicPlace(scene(ReportKind.HOME_OR_WORKPLACE, new Where.Address("1234 N Elm St")));
		assertThat(address.where()).isNotInstanceOf(Where.Address.class);
	}

	@Test
	void otherScenesKeepTheirWordsWithThePinRoundedToAboutTenMetres() {
		ScenePlace place = publisher.publicPlace(scene(ReportKind.CHECKPOINT, new Where.Given("Randolph & Columbus")));

		assertThat(place.where()).isEqualTo(new Where.Given("Randolph & Columbus"));
		assertThat(place.pin()).isEqualTo(GeoPoint.of(41.8852, -87.6192));
	}

}
