package org.vigia.core.neighborhood;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.junit.jupiter.api.Test;

import org.vigia.core.geo.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

class NeighborhoodMapTests {

	static String sampleCounties() {
		try (InputStream in = NeighborhoodMapTests.class.getResourceAsStream("/geo/sample-counties.geojson")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final NeighborhoodMap COUNTIES = NeighborhoodMap.fromGeoJson(sampleCounties());

	/** A vertex of the border that Travis and Williamson counties share in the file. */
	static final GeoPoint TRAVIS_WILLIAMSON_BORDER = GeoPoint.of(30.609937054060538, -97.98981352563526);

	static String name(Lookup lookup) {
		return lookup.found().map(Neighborhood::name).orElse("outside");
	}

	@Test
	void readsEveryCountyWithItsChannelAndLanguage() {
		assertThat(COUNTIES.size()).isEqualTo(8);
		Neighborhood cook = COUNTIES.find(new NeighborhoodId("cook-county")).orElseThrow();
		assertThat(cook.channel()).isEqualTo("@vigia_sample_cook");
		assertThat(cook.language()).isEqualTo("es");
		assertThat(COUNTIES.all()).extracting(Neighborhood::name).first().isEqualTo("Cook County");
	}

	@Test
	void findsTheCountyOfRealPlaces() {
		assertThat(name(COUNTIES.lookup(GeoPoint.of(41.8781, -87.6298)))).as("downtown Chicago").isEqualTo("Cook County");
		assertThat(name(COUNTIES.lookup(GeoPoint.of(30.2672, -97.7431)))).as("downtown Austin").isEqualTo("Travis County");
		assertThat(name(COUNTIES.lookup(GeoPoint.of(41.7508, -88.1535)))).as("Naperville").isEqualTo("DuPage County");
		assertThat(name(COUNTIES.lookup(GeoPoint.of(30.5083, -97.6789)))).as("Round Rock").isEqualTo("Williamson County");
	}

	@Test
	void aNeighborhoodsBoundsHoldItsPlacesAndNotItsNeighbors() {
		double[] cook = COUNTIES.bounds(new NeighborhoodId("cook-county")).orElseThrow();

		assertThat(cook[0]).isLessThan(-87.6298);
		assertThat(cook[2]).isGreaterThan(-87.6298);
		assertThat(cook[1]).isLessThan(41.8781).isGreaterThan(41.4);
		assertThat(cook[3]).isGreaterThan(41.8781).isLessThan(42.2);
		assertThat(COUNTIES.bounds(new NeighborhoodId("nowhere"))).isEmpty();
	}

	@Test
	void aPointOutsideEveryNeighborhoodIsOutsideTheServiceArea() {
		assertThat(COUNTIES.lookup(GeoPoint.of(37.3382, -121.8863))).as("San José").isInstanceOf(Lookup.Outside.class);
		assertThat(COUNTIES.lookup(GeoPoint.of(0, -140))).as("the Pacific").isInstanceOf(Lookup.Outside.class);
	}

	@Test
	void aPointOnTheSharedBorderResolvesToOneCountyWhateverTheFileOrder() throws Exception {
		var reversed = NeighborhoodMap.fromGeoJson(reordered(sampleCounties()));

		assertThat(name(COUNTIES.lookup(TRAVIS_WILLIAMSON_BORDER))).isEqualTo("Travis County");
		assertThat(name(reversed.lookup(TRAVIS_WILLIAMSON_BORDER))).isEqualTo("Travis County");
		for (int i = 0; i < 10; i++) {
			assertThat(COUNTIES.lookup(TRAVIS_WILLIAMSON_BORDER)).isEqualTo(COUNTIES.lookup(TRAVIS_WILLIAMSON_BORDER));
		}
	}

	@Test
	void nearAPointCloseToABorderFindsBothSidesWithinTheBuffer() {
		GeoPoint nearBorder = GeoPoint.of(41.862, -87.905);

		assertThat(name(COUNTIES.lookup(nearBorder))).isEqualTo("Cook County");
		assertThat(COUNTIES.near(nearBorder, 5_000)).extracting(Neighborhood::name)
			.containsExactly("Cook County", "DuPage County");
		assertThat(COUNTIES.near(GeoPoint.of(41.8781, -87.6298), 1_000)).extracting(Neighborhood::name)
			.containsExactly("Cook County");
	}

	@Test
	void theDistanceToANeighborhoodIsZeroInsideAndToItsEdgeOutside() {
		NeighborhoodId cook = COUNTIES.lookup(GeoPoint.of(41.8781, -87.6298)).found().orElseThrow().id();
		NeighborhoodId dupage = COUNTIES.all().stream().filter(n -> n.name().equals("DuPage County")).findFirst()
			.orElseThrow().id();
		GeoPoint nearBorder = GeoPoint.of(41.862, -87.905);

		assertThat(COUNTIES.metersTo(cook, GeoPoint.of(41.8523, -87.6601))).hasValue(0);
		assertThat(COUNTIES.metersTo(cook, nearBorder)).hasValue(0);
		assertThat(COUNTIES.metersTo(dupage, nearBorder).getAsDouble()).isBetween(1.0, 5_000.0);
		// Waukegan, in Lake County: Cook County's northern edge is about 23 km south
		assertThat(COUNTIES.metersTo(cook, GeoPoint.of(42.3636, -87.8448)).getAsDouble()).isBetween(15_000.0, 30_000.0);
		assertThat(COUNTIES.metersTo(new NeighborhoodId("atlantis"), nearBorder)).isEmpty();
	}

	@Test
	void aPickedNeighborhoodGivesAPointInsideIt() {
		for (Neighborhood n : COUNTIES.all()) {
			GeoPoint inside = COUNTIES.interiorPoint(n.id()).orElseThrow();
			assertThat(COUNTIES.lookup(inside).found()).contains(n);
		}
		assertThat(COUNTIES.interiorPoint(new NeighborhoodId("atlantis"))).isEmpty();
	}

	@Test
	void writingAndReadingBackGivesTheSameMap() {
		var again = NeighborhoodMap.fromGeoJson(COUNTIES.toGeoJson());

		assertThat(again).isEqualTo(COUNTIES);
		assertThat(again.all()).isEqualTo(COUNTIES.all());
		assertThat(name(again.lookup(GeoPoint.of(41.8781, -87.6298)))).isEqualTo("Cook County");
	}

	@Test
	void aSignalGroupBesideTheChannelIsReadAndWrittenBack() {
		String group = "Y29vayBjb3VudHkgYWxlcnRzLCBzaWduYWwgZ3JvdXA=";
		String cook = "\"channel\":\"@vigia_sample_cook\"";
		var map = NeighborhoodMap.fromGeoJson(sampleCounties().replace(cook, cook + ",\"signal_group\":\"" + group + "\""));

		Neighborhood read = map.find(new NeighborhoodId("cook-county")).orElseThrow();
		assertThat(read.signalGroup()).isEqualTo(group);
		assertThat(read.channel()).isEqualTo("@vigia_sample_cook");
		assertThat(map.find(new NeighborhoodId("kane-county")).orElseThrow().signalGroup()).isNull();
		assertThat(NeighborhoodMap.fromGeoJson(map.toGeoJson()).all()).isEqualTo(map.all());
	}

	@Test
	void boundsCoverBothMetroAreas() {
		double[] b = COUNTIES.bounds();
		assertThat(b[0]).isLessThan(-98.0);
		assertThat(b[2]).isGreaterThan(-87.6);
		assertThat(b[1]).isLessThan(30.0);
		assertThat(b[3]).isGreaterThan(42.4);
	}

	@SuppressWarnings("unchecked")
	static String reordered(String geojson) throws Exception {
		var collection = (JSONObject) new JSONParser().parse(geojson);
		var features = new ArrayList<Object>((JSONArray) collection.get("features"));
		Collections.reverse(features);
		var array = new JSONArray();
		array.addAll(features);
		collection.put("features", array);
		return collection.toJSONString();
	}

	static List<String> names(NeighborhoodMap map) {
		return map.all().stream().map(Neighborhood::name).toList();
	}

}
