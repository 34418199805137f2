package org.vigia.core.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Places in messages, as maps apps share them and as people type them. Expected: "lat lon" for a place,
 * SHORT for a link whose place is not written in it, INVALID for coordinates that are no place, NONE.
 */
class MapLinksTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			https://maps.google.com/?q=41.8500,-87.6500                                                        | 41.85 -87.65
			https://maps.google.com/maps?q=41.8500%2C-87.6500&z=17                                              | 41.85 -87.65
			maps.google.com/?q=41.85,-87.65                                                                     | 41.85 -87.65
			https://www.google.com/maps?q=loc:41.85,-87.65                                                      | 41.85 -87.65
			https://www.google.com/maps/search/?api=1&query=41.85%2C-87.65                                      | 41.85 -87.65
			https://www.google.com/maps/dir/?api=1&destination=41.85,-87.65                                     | 41.85 -87.65
			https://www.google.com/maps/@41.8500,-87.6500,17z                                                   | 41.85 -87.65
			https://www.google.com/maps/@41.8500,-87.6500,3a,75y,90t/data=!3m6!1e1                              | 41.85 -87.65
			https://www.google.com.mx/maps/place/Pilsen,+Chicago,+IL/@41.8,-87.7,14z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d41.8557!4d-87.6595 | 41.8557 -87.6595
			https://www.google.com/maps/place/41%C2%B051'00.0%22N+87%C2%B039'00.0%22W/@41.85,-87.65,17z      | 41.85 -87.65
			https://www.google.com/maps/search/41.85,+-87.65                                                   | 41.85 -87.65
			https://maps.google.com/?ll=41.85,-87.65&spn=0.01,0.01                                              | 41.85 -87.65
			https://www.google.es/maps?q=40.4168,-3.7038                                                        | 40.4168 -3.7038
			https://maps.apple.com/?ll=41.8500,-87.6500&q=Dropped%20Pin&t=m                                     | 41.85 -87.65
			https://maps.apple.com/?address=1800%20S%20Blue%20Island%20Ave&auid=123&ll=41.857,-87.661&lsp=9902&q=Caf%C3%A9 | 41.857 -87.661
			https://maps.apple.com/?q=41.85,-87.65                                                              | 41.85 -87.65
			https://maps.apple.com/?q=Pilsen&sll=41.85,-87.65&sspn=0.1,0.1                                      | 41.85 -87.65
			https://maps.apple.com/place?coordinate=41.85,-87.65&name=Marked%20Location                         | 41.85 -87.65
			https://www.openstreetmap.org/#map=17/41.85000/-87.65000                                            | 41.85 -87.65
			https://www.openstreetmap.org/?mlat=41.8557&mlon=-87.6595#map=14/41.8/-87.7                         | 41.8557 -87.6595
			https://openstreetmap.org/?lat=41.85&lon=-87.65&zoom=15                                             | 41.85 -87.65
			https://www.openstreetmap.org/#map=17/-33.86882/151.20930&layers=N                                  | -33.86882 151.2093
			https://waze.com/ul?ll=19.4326,-99.1332&navigate=yes                                                | 19.4326 -99.1332
			geo:41.85,-87.65                                                                                    | 41.85 -87.65
			geo:41.85,-87.65;u=35                                                                               | 41.85 -87.65
			geo:41.85,-87.65,180;crs=wgs84;u=10                                                                 | 41.85 -87.65
			geo:41.85,-87.65?z=17                                                                               | 41.85 -87.65
			geo:0,0?q=41.85,-87.65(Meeting point)                                                              | 41.85 -87.65
			GEO:41.85,-87.65                                                                                    | 41.85 -87.65
			41.85003, -87.65005                                                                                 | 41.85003 -87.65005
			41.85003,-87.65005                                                                                  | 41.85003 -87.65005
			41.85003 -87.65005                                                                                  | 41.85003 -87.65005
			+41.850 ; -87.650                                                                                   | 41.85 -87.65
			41.850 −87.650                                                                                      | 41.85 -87.65
			41,850; -87,650                                                                                     | 41.85 -87.65
			41,850 -87,650                                                                                      | 41.85 -87.65
			Estoy en 19.43260, -99.13320 frente a la tienda                                                     | 19.4326 -99.1332
			41.85 N 87.65 W                                                                                     | 41.85 -87.65
			41.85°N 87.65°W                                                                                     | 41.85 -87.65
			41,85 N, 87,65 O                                                                                    | 41.85 -87.65
			N 41.85 W 87.65                                                                                     | 41.85 -87.65
			33.87 S 151.21 E                                                                                    | -33.87 151.21
			41°51'00.0"N 87°39'00.0"W                                                                           | 41.85 -87.65
			41° 51′ 0″ N 87° 39′ 0″ W                                                                           | 41.85 -87.65
			41°51'N 87°39'O                                                                                     | 41.85 -87.65
			Dropped pin https://maps.google.com/?q=41.85,-87.65 near the school.                                | 41.85 -87.65
			(https://maps.apple.com/?ll=41.85,-87.65)                                                           | 41.85 -87.65
			https://maps.app.goo.gl/AbCdEf12345 and 41.85, -87.65                                               | 41.85 -87.65
			https://maps.app.goo.gl/AbCdEf12345                                                                 | SHORT
			https://goo.gl/maps/AbCdEf12345                                                                     | SHORT
			maps.app.goo.gl/XyZ                                                                                 | SHORT
			https://maps.apple/p/AbCdEf.123                                                                     | SHORT
			https://osm.org/go/ZfR4k--                                                                          | SHORT
			https://www.google.com/maps/place/Pilsen,+Chicago,+IL                                               | SHORT
			https://maps.apple.com/?q=Pilsen                                                                    | SHORT
			https://www.openstreetmap.org/node/123456                                                           | SHORT
			geo:0,0?q=1600+S+Blue+Island+Ave                                                                    | SHORT
			https://maps.google.com/?q=95.1,-87.65                                                              | INVALID
			https://maps.google.com/?q=41.85,-187.65                                                            | INVALID
			https://maps.google.com/?q=NaN,NaN                                                                  | INVALID
			https://maps.google.com/?q=Infinity,-Infinity                                                       | INVALID
			https://maps.google.com/?q=4.185e1,-8.765e1                                                         | INVALID
			https://www.google.com/maps/@999,999,17z                                                            | INVALID
			https://www.openstreetmap.org/?mlat=91&mlon=0                                                       | INVALID
			geo:0,0                                                                                             | INVALID
			geo:NaN,1                                                                                           | INVALID
			geo:41.85,-87.65;crs=epsg3857                                                                       | INVALID
			geo:banana                                                                                          | INVALID
			95.1234, 200.5678                                                                                   | INVALID
			0.000, 0.000                                                                                        | INVALID
			41°75'00"N 87°39'00"W                                                                               | INVALID
			ICE at 18th and Ashland                                                                             | NONE
			3, 5 agents and 2 vans                                                                              | NONE
			version 1.2.3.4 of the app                                                                          | NONE
			12.5, 3.7                                                                                           | NONE
			https://example.org/?q=41.85,-87.65                                                                 | NONE
			https://www.google.com/search?q=41.85,-87.65                                                        | NONE
			NaN, NaN                                                                                            | NONE
			""")
	void readsThePlaceInAMessage(String text, String expected) {
		assertThat(describe(MapLinks.read(text))).isEqualTo(expected);
	}

	@Test
	void nothingIsNoPlace() {
		assertThat(MapLinks.read(null)).isInstanceOf(PlaceInText.None.class);
		assertThat(MapLinks.read("   ")).isInstanceOf(PlaceInText.None.class);
	}

	@Test
	void aShortLinkNamesOnlyItsHost() {
		assertThat(MapLinks.read("https://maps.app.goo.gl/SecretPlaceId")).isEqualTo(
				new PlaceInText.Unresolvable("maps.app.goo.gl"));
	}

	@Test
	void onlyTheBeginningOfAHugeTextIsRead() {
		String hostile = "9.9, ".repeat(50_000) + "https://maps.google.com/?q=" + "9".repeat(100_000) + ",1";

		assertThat(MapLinks.read(hostile)).isInstanceOf(PlaceInText.None.class);
		String late = "x".repeat(MapLinks.MAX_TEXT) + " 41.85, -87.65";
		assertThat(MapLinks.read(late)).isInstanceOf(PlaceInText.None.class);
	}

	@Test
	void foundCoordinatesAreExact() {
		var found = (PlaceInText.Found) MapLinks.read("geo:-33.868820,151.209300");

		assertThat(found.point().latitude()).isCloseTo(-33.86882, within(1e-9));
		assertThat(found.point().longitude()).isCloseTo(151.2093, within(1e-9));
	}

	static String describe(PlaceInText read) {
		if (read instanceof PlaceInText.Found f) {
			return strip(f.point().latitude()) + " " + strip(f.point().longitude());
		}
		if (read instanceof PlaceInText.Unresolvable) {
			return "SHORT";
		}
		return read instanceof PlaceInText.Invalid ? "INVALID" : "NONE";
	}

	static String strip(double value) {
		return java.math.BigDecimal.valueOf(Math.round(value * 1e6) / 1e6).stripTrailingZeros().toPlainString();
	}

}
