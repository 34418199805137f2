package org.vigia.core.geo;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class DistancesTests {

	static Stream<Arguments> places() {
		return Stream.of(Arguments.of("San José", 37.3382, -121.8863), Arguments.of("Chicago", 41.8781, -87.6298),
				Arguments.of("Austin", 30.2672, -97.7431), Arguments.of("Quito", -0.1807, -78.4678),
				Arguments.of("Anchorage", 61.2181, -149.9003), Arguments.of("Tromsø", 69.6496, 18.9560),
				Arguments.of("Suva, by the antimeridian", -18.1248, 178.4501));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("places")
	void shortDistancesAreWithinAFractionOfAPercentOfTheGeodesic(String place, double lat, double lon) {
		for (double km : new double[] { 0.15, 0.3, 3, 6, 25, 50 }) {
			for (int bearing = 0; bearing < 360; bearing += 30) {
				double[] to = Vincenty.destination(lat, lon, bearing, km * 1000);
				double geodesic = Vincenty.inverse(lat, lon, to[0], to[1]);
				double ours = Distances.meters(lat, lon, to[0], to[1]);
				assertThat(Math.abs(ours - geodesic) / geodesic).as("%s %s km at %s°", place, km, bearing)
					.isLessThan(0.0005);
			}
		}
	}

	@Test
	void longDistancesAreWithinHalfAPercentOfTheGeodesic() {
		double chicagoToAustin = Vincenty.inverse(41.8781, -87.6298, 30.2672, -97.7431);

		assertThat(Distances.meters(GeoPoint.of(41.8781, -87.6298), GeoPoint.of(30.2672, -97.7431)))
			.isCloseTo(chicagoToAustin, within(chicagoToAustin * 0.005));
		assertThat(chicagoToAustin).isCloseTo(1_575_000, within(10_000.0));
	}

	@Test
	void distanceAcrossTheAntimeridianIsShort() {
		assertThat(Distances.meters(-18.0, 179.999, -18.0, -179.999)).isCloseTo(211.6, within(1.0));
	}

	@Test
	void approximatePositionsRoundAwayPrecision() {
		GeoPoint p = GeoPoint.of(37.338212, -121.886334);

		assertThat(p.approximate(3)).isEqualTo(GeoPoint.of(37.338, -121.886));
		assertThat(p.toString()).doesNotContain("37.3").doesNotContain("121");
	}

	@ParameterizedTest
	@ValueSource(doubles = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 90.0001, -91 })
	void absurdLatitudesAreRefusedNamingTheFieldAndLimit(double latitude) {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.of(latitude, 0))
			.withMessageStartingWith("latitude must be between -90.0 and 90.0, was ");
	}

	@ParameterizedTest
	@ValueSource(doubles = { Double.NaN, Double.POSITIVE_INFINITY, 180.5, -1e9 })
	void absurdLongitudesAreRefusedNamingTheFieldAndLimit(double longitude) {
		assertThatIllegalArgumentException().isThrownBy(() -> GeoPoint.of(0, longitude))
			.withMessageStartingWith("longitude must be between -180.0 and 180.0, was ");
	}

	/** Vincenty's formulae on the WGS 84 ellipsoid: the reference the approximations are measured against. */
	static final class Vincenty {

		static final double A = 6_378_137.0;

		static final double F = 1 / 298.257223563;

		static final double B = A * (1 - F);

		static double inverse(double lat1, double lon1, double lat2, double lon2) {
			double l = Math.toRadians(lon2 - lon1);
			double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
			double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
			double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
			double lambda = l, sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
			for (int i = 0;; i++) {
				double sinLambda = Math.sin(lambda), cosLambda = Math.cos(lambda);
				sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2)
						+ Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
				if (sinSigma == 0) {
					return 0;
				}
				cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
				sigma = Math.atan2(sinSigma, cosSigma);
				double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
				cos2Alpha = 1 - sinAlpha * sinAlpha;
				cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
				double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
				double previous = lambda;
				lambda = l + (1 - c) * F * sinAlpha
						* (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
				if (Math.abs(lambda - previous) < 1e-12 || i > 200) {
					break;
				}
			}
			double uSq = cos2Alpha * (A * A - B * B) / (B * B);
			double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
			double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
			double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
					- bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
			return B * bigA * (sigma - deltaSigma);
		}

		/** The point {@code meters} away from (lat, lon) along {@code bearing} degrees. */
		static double[] destination(double lat, double lon, double bearing, double meters) {
			double alpha1 = Math.toRadians(bearing);
			double sinAlpha1 = Math.sin(alpha1), cosAlpha1 = Math.cos(alpha1);
			double tanU1 = (1 - F) * Math.tan(Math.toRadians(lat));
			double cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1), sinU1 = tanU1 * cosU1;
			double sigma1 = Math.atan2(tanU1, cosAlpha1);
			double sinAlpha = cosU1 * sinAlpha1;
			double cosSqAlpha = 1 - sinAlpha * sinAlpha;
			double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
			double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
			double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
			double sigma = meters / (B * bigA), previous, cos2SigmaM;
			do {
				cos2SigmaM = Math.cos(2 * sigma1 + sigma);
				double sinSigma = Math.sin(sigma), cosSigma = Math.cos(sigma);
				double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
						- bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
				previous = sigma;
				sigma = meters / (B * bigA) + deltaSigma;
			}
			while (Math.abs(sigma - previous) > 1e-12);
			double sinSigma = Math.sin(sigma), cosSigma = Math.cos(sigma);
			double x = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
			double lat2 = Math.atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1,
					(1 - F) * Math.sqrt(sinAlpha * sinAlpha + x * x));
			double lambda = Math.atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
			double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
			double l = lambda - (1 - c) * F * sinAlpha
					* (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
			double lon2 = lon + Math.toDegrees(l);
			lon2 = ((lon2 + 540) % 360) - 180;
			return new double[] { Math.toDegrees(lat2), lon2 };
		}

	}

}
