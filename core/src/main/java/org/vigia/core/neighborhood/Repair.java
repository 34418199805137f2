package org.vigia.core.neighborhood;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What reading a neighborhoods file changed in one feature to make it usable: the tiny defects of boundaries
 * simplified for the web (repeated points, a zero-width spike, an island or hole with no area, a small
 * self-intersection), and how much the feature's area changed because of it.
 *
 * @param feature the feature, by position in the file and name
 * @param changes what was done, in words
 * @param areaChange the relative change of the area, e.g. -0.00004 for -0.004 %
 */
public record Repair(String feature, List<String> changes, double areaChange) {

	public Repair {
		Objects.requireNonNull(feature, "feature must not be null");
		changes = List.copyOf(changes);
		if (changes.isEmpty()) {
			throw new IllegalArgumentException("a repair changes something");
		}
	}

	/** One line for a log or a page: the feature, what was done, and the area change in percent. */
	public String describe() {
		return feature + ": " + String.join(", ", changes) + "; area changed by "
				+ String.format(Locale.ROOT, "%+.4f %%", areaChange * 100);
	}

}
