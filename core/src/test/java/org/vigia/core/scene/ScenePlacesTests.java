package org.vigia.core.scene;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.Recency;
import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Sighting;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a scene is, in words, from its reports: the order of ScenePlaces' design note, case by case. */
class ScenePlacesTests {

	static final Instant T0 = Instant.parse("2026-11-24T16:00:00Z");

	/** About 400 m north-east of Millennium Park, Chicago. */
	static final GeoPoint SCENE = GeoPoint.of(41.8852, -87.6192);

	final AtomicInteger ids = new AtomicInteger();

	final ScenePlaces.Areas cook = point -> Optional.of("Cook County");

	Report at(GeoPoint where, String placeText, String area, int minute) {
		int n = ids.incrementAndGet();
		return new Report(new ReportId("r" + n), ReportKind.DETENTION, where, placeText, area, Recency.NOW,
				T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute), Sighting.UNKNOWN, null, null,
				new Pseudonym("p" + n), "en");
	}

	ScenePlaces places(ScenePlaces.AddressLookup addresses) throws IOException {
		NamedPlaces listed = NamedPlaces.fromGeoJson(NamedPlacesTests.sample());
		return new ScenePlaces(() -> listed, addresses, cook);
	}

	static ScenePlaces.AddressLookup mustNotBeAsked() {
		return point -> {
			throw new AssertionError("the geocoder was asked although residents named the place");
		};
	}

	@Test
	void theWordsMostResidentsGaveWinAndThePinIsWhereThoseWordsPoint() throws IOException {
		GeoPoint corner = GeoPoint.of(41.8850, -87.6190);
		var reports = List.of(at(SCENE, null, null, 0), at(GeoPoint.of(41.8853, -87.6196), "Walmart", null, 1),
				at(corner, "Randolph St & Columbus Dr", null, 2),
				at(GeoPoint.of(41.8849, -87.6188), "  randolph st &  columbus dr ", null, 3));

		ScenePlace place = places(mustNotBeAsked()).of(reports, SCENE);

		assertThat(place.where()).isEqualTo(new Where.Given("Randolph St & Columbus Dr"));
		assertThat(place.pin()).isEqualTo(corner);
		assertThat(place.approximate()).isFalse();
		assertThat(place.neighborhood()).isEqualTo("Cook County");
	}

	@Test
	void withoutWordsTheReverseGeocodedAddressOfTheReportsMeanIsUsed() throws IOException {
		var asked = new java.util.ArrayList<GeoPoint>();
		var reports = List.of(at(GeoPoint.of(41.8850, -87.6190), null, null, 0),
				at(GeoPoint.of(41.8854, -87.6194), null, null, 1));

		ScenePlace place = places(point -> {
			asked.add(point);
			return Optional.of(" 300 E Randolph St ");
		}).of(reports, SCENE);

		assertThat(place.where()).isEqualTo(new Where.Address("300 E Randolph St"));
		assertThat(asked).singleElement().satisfies(p -> assertThat(p.metersTo(SCENE)).isLessThan(1));
		assertThat(place.pin().metersTo(SCENE)).isLessThan(1);
	}

	@Test
	void withoutWordsOrAnAddressTheNearestListedPlaceGivesDistanceAndDirection() throws IOException {
		ScenePlace place = places(ScenePlaces.AddressLookup.NONE).of(List.of(at(SCENE, null, null, 0)), SCENE);

		assertThat(place.where()).isInstanceOfSatisfying(Where.NearPlace.class, near -> {
			assertThat(near.place()).isEqualTo("Millennium Park");
			assertThat(near.bearing()).isEqualTo(Bearing.NORTH_EAST);
			assertThat(near.meters()).isBetween(380.0, 420.0);
		});
	}

	@Test
	void farFromEveryListedPlaceTheNeighborhoodNamesItWithThePin() throws IOException {
		GeoPoint farNorth = GeoPoint.of(42.0, -87.70);

		ScenePlace place = places(ScenePlaces.AddressLookup.NONE).of(List.of(at(farNorth, null, null, 0)), farNorth);

		assertThat(place.where()).isEqualTo(new Where.InArea("Cook County"));
		assertThat(place.pin()).isEqualTo(farNorth);
		ScenePlace nowhere = new ScenePlaces(() -> NamedPlaces.NONE, ScenePlaces.AddressLookup.NONE,
				point -> Optional.empty()).of(List.of(at(farNorth, null, null, 0)), farNorth);
		assertThat(nowhere.where()).isInstanceOf(Where.OnlyThePin.class);
	}

	@Test
	void reportsThatPickedOnlyANeighborhoodAreApproximate() throws IOException {
		GeoPoint inside = GeoPoint.of(41.84, -87.75);
		var reports = List.of(at(inside, "Cook County", "n3", 0), at(inside, "Cook County", "n3", 1),
				at(GeoPoint.of(41.80, -88.1), "DuPage County", "n7", 2));

		ScenePlace place = places(mustNotBeAsked()).of(reports, SCENE);

		assertThat(place.where()).isEqualTo(new Where.SomewhereIn("Cook County"));
		assertThat(place.approximate()).isTrue();
		assertThat(place.pin()).isEqualTo(inside);
	}

	@Test
	void onePreciseReportOutweighsAreaReportsWhoseNeighborhoodNameIsNotAPlaceGiven() throws IOException {
		var reports = List.of(at(GeoPoint.of(41.84, -87.75), "Cook County", "n3", 0), at(SCENE, null, null, 1));

		ScenePlace place = places(ScenePlaces.AddressLookup.NONE).of(reports, SCENE);

		assertThat(place.approximate()).isFalse();
		assertThat(place.where()).isInstanceOf(Where.NearPlace.class);
		assertThat(place.pin()).isEqualTo(SCENE);
	}

	@Test
	void withNoReportLeftTheIncidentsCenterIsDescribed() throws IOException {
		ScenePlace place = places(ScenePlaces.AddressLookup.NONE).of(List.of(), SCENE);

		assertThat(place.where()).isInstanceOf(Where.NearPlace.class);
		assertThat(place.pin()).isEqualTo(SCENE);
	}

	@Test
	void aroundAPointNeverUsesTheWordsOrTheAddress() throws IOException {
		ScenePlace place = places(mustNotBeAsked()).around(SCENE);

		assertThat(place.where()).isInstanceOf(Where.NearPlace.class);
		assertThat(place.pin()).isEqualTo(SCENE);
	}

}
