package org.vigia.core.neighborhood;

import java.util.List;

/**
 * A neighborhoods file that cannot be used. Its problems say what is wrong and in which feature, every one of
 * the file's at once (one per feature); the message lists them, one a line.
 */
public class InvalidGeoJsonException extends IllegalArgumentException {

	private final List<String> problems;

	public InvalidGeoJsonException(String problem) {
		this(List.of(problem));
	}

	public InvalidGeoJsonException(List<String> problems) {
		super(problems.size() == 1 ? problems.get(0)
				: problems.size() + " problems:\n" + String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	/** Each problem in words, naming its feature when it is one feature's. */
	public List<String> problems() {
		return problems;
	}

}
