package org.vigia.core.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountRangeTests {

	@Test
	void eachOfferedRangeIsStoodForByItsOwnNumber() {
		for (List<CountRange> offered : List.of(CountRange.AGENTS, CountRange.VEHICLES)) {
			for (CountRange range : offered) {
				assertThat(CountRange.standingFor(range.typical())).as(range.toString()).isEqualTo(range);
				assertThat(range.typical()).isBetween(range.low(), range.high());
			}
		}
	}

	@Test
	void theNumbersReportsKeptBeforeRangesReadAsTheRangesResidentsPressed() {
		// the old buttons' values: agents 2, 4, 8, 12; vehicles 1, 3, 5; 0 for not sure
		assertThat(List.of(2, 4, 8, 12).stream().map(CountRange::standingFor)).containsExactly(new CountRange(1, 2),
				new CountRange(3, 5), new CountRange(6, 10), new CountRange(11, CountRange.OPEN));
		assertThat(List.of(1, 3, 5).stream().map(CountRange::standingFor)).containsExactly(new CountRange(1, 1),
				new CountRange(2, 3), new CountRange(4, CountRange.OPEN));
		assertThat(CountRange.standingFor(0)).isEqualTo(CountRange.UNKNOWN);
		assertThat(CountRange.standingFor(7)).isEqualTo(new CountRange(7, 7));
	}

	@Test
	void aRangeReadsAsItsDigits() {
		assertThat(new CountRange(3, 5).numbers()).isEqualTo("3–5");
		assertThat(new CountRange(1, 1).numbers()).isEqualTo("1");
		assertThat(new CountRange(11, CountRange.OPEN).numbers()).isEqualTo("11+");
		assertThat(CountRange.UNKNOWN.numbers()).isEmpty();
	}

	@Test
	void aRangeIsLowToHighAndUnknownOnlyAsZero() {
		for (int[] bad : new int[][] { { 3, 2 }, { -1, 2 }, { 0, 5 }, { 501, 600 } }) {
			assertThatThrownBy(() -> new CountRange(bad[0], bad[1])).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(bad[0] + "-" + bad[1]);
		}
	}

}
