package org.vigia.core.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.incident.QuorumPolicy.Decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigia.core.incident.Incidents.T0;

class QuorumPolicyTests {

	final QuorumPolicy policy = new QuorumPolicy(VigiaSettings.Quorum.DEFAULTS);

	/**
	 * "a:ICE" is observer a saying ICE confirmed; "A:ICE" a lead observer; "~a:ICE" a newcomer (joined within
	 * the newcomer period); POL, OTH, NIL the others.
	 */
	static Stream<Arguments> table() {
		return Stream.of(Arguments.of("one ICE confirmed does not confirm", "a:ICE", Decision.PENDING),
				Arguments.of("two observers confirm", "a:ICE b:ICE", Decision.CONFIRMED),
				Arguments.of("the same observer twice does not", "a:ICE a:ICE", Decision.PENDING),
				Arguments.of("a lead observer alone confirms", "A:ICE", Decision.CONFIRMED),
				Arguments.of("a local police majority is NOT_ICE", "a:ICE b:POL c:POL", Decision.NOT_ICE),
				Arguments.of("police and other agency count together", "a:POL b:OTH", Decision.NOT_ICE),
				Arguments.of("nothing there twice is UNFOUNDED", "a:NIL b:NIL", Decision.UNFOUNDED),
				Arguments.of("a tie stays pending", "a:ICE b:POL", Decision.PENDING),
				Arguments.of("a two-two tie stays pending", "a:ICE b:ICE c:POL d:POL", Decision.PENDING),
				Arguments.of("a lead against a non-lead is a tie", "A:ICE b:POL", Decision.PENDING),
				Arguments.of("only the latest answer of an observer counts", "a:ICE a:POL b:POL", Decision.NOT_ICE),
				Arguments.of("no verdicts are pending", "", Decision.PENDING),
				Arguments.of("two newcomers cannot confirm among themselves", "~a:ICE ~b:ICE", Decision.PENDING),
				Arguments.of("three newcomers cannot either", "~a:ICE ~b:ICE ~c:ICE", Decision.PENDING),
				Arguments.of("a newcomer and an observer of longer standing confirm", "~a:ICE b:ICE",
						Decision.CONFIRMED),
				Arguments.of("an observer of longer standing joins two newcomers", "~a:ICE ~b:ICE c:ICE",
						Decision.CONFIRMED),
				Arguments.of("a lead newcomer alone still confirms", "~A:ICE", Decision.CONFIRMED),
				Arguments.of("newcomers cannot close a scene as not ICE among themselves", "~a:POL ~b:POL",
						Decision.PENDING),
				Arguments.of("nor as nothing there", "~a:NIL ~b:NIL", Decision.PENDING),
				Arguments.of("newcomers still outnumber a lone confirmation", "a:ICE ~b:NIL ~c:NIL d:NIL",
						Decision.UNFOUNDED));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void decides(String name, String verdicts, Decision expected) {
		assertThat(policy.decide(parse(verdicts))).isEqualTo(expected);
	}

	static List<Verdict> parse(String spec) {
		var verdicts = new ArrayList<Verdict>();
		for (String item : spec.split(" ")) {
			if (item.isEmpty()) {
				continue;
			}
			boolean newcomer = item.startsWith("~");
			if (newcomer) {
				item = item.substring(1);
			}
			String who = item.substring(0, 1);
			VerdictKind kind = switch (item.substring(2)) {
				case "ICE" -> VerdictKind.ICE_CONFIRMED;
				case "POL" -> VerdictKind.LOCAL_POLICE;
				case "OTH" -> VerdictKind.OTHER_AGENCY;
				default -> VerdictKind.NOTHING_THERE;
			};
			boolean lead = Character.isUpperCase(who.charAt(0));
			verdicts.add(new Verdict(new org.vigia.core.observer.ObserverId(who.toLowerCase()), kind, lead,
					T0.plusSeconds(verdicts.size()), null, newcomer));
		}
		return verdicts;
	}

}
