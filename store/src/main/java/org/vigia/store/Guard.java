package org.vigia.store;

import java.util.function.Supplier;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.vigia.core.support.StoreUnavailableException;

/**
 * Turns the ways an unreachable Redis shows itself (connection refused, commands rejected while
 * disconnected, command timeouts) into one {@link StoreUnavailableException}. Errors the server
 * answered (a bug in a script, a wrong type) are not unavailability and pass through unchanged.
 */
final class Guard {

	private Guard() {
	}

	static <T> T call(String operation, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException ex) {
			throw new StoreUnavailableException(operation, ex);
		}
		catch (RedisSystemException ex) {
			if (ex.getCause() instanceof RedisException cause && !(cause instanceof RedisCommandExecutionException)) {
				throw new StoreUnavailableException(operation, ex);
			}
			throw ex;
		}
	}

	static void run(String operation, Runnable action) {
		call(operation, () -> {
			action.run();
			return null;
		});
	}

}
