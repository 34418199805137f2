package org.vigia.core.support;

/**
 * The store of record could not be reached in time (Redis down, restarting, or too slow). Nothing was
 * saved by the failed call. The chat layer catches this and answers the person (for a resident: the
 * report could not be saved, call the hotline) instead of hanging; the connection heals by itself.
 *
 * <p>The message names the operation only, never data.
 */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String operation, Throwable cause) {
		super("store unavailable during " + operation, cause);
	}

}
