package org.vigia.store;

import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The Lua scripts, loaded once; Spring sends EVALSHA and falls back to EVAL after a server restart. */
final class Scripts {

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> ASSIGN = RedisScript.of(new ClassPathResource("redis/assign.lua"), List.class);

	static final RedisScript<Long> REPLACE = RedisScript.of(new ClassPathResource("redis/replace.lua"), Long.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> NEAREST = RedisScript.of(new ClassPathResource("redis/nearest.lua"), List.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> RATE_LIMIT = RedisScript.of(new ClassPathResource("redis/ratelimit.lua"),
			List.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> CLAIM_DUE = RedisScript.of(new ClassPathResource("redis/claim-due.lua"),
			List.class);

	static final RedisScript<Long> COMPLETE_DUE = RedisScript.of(new ClassPathResource("redis/complete-due.lua"),
			Long.class);

	static final RedisScript<Long> CLAIM = RedisScript.of(new ClassPathResource("redis/claim.lua"), Long.class);

	static final RedisScript<String> WRITE_TTL = RedisScript.of(new ClassPathResource("redis/write-ttl.lua"),
			String.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> TAKE_HASH = RedisScript.of(new ClassPathResource("redis/take-hash.lua"), List.class);

	static final RedisScript<Long> RECORD_DELIVERY = RedisScript.of(new ClassPathResource("redis/record-delivery.lua"),
			Long.class);

	static final RedisScript<Long> RETAIN = RedisScript.of(new ClassPathResource("redis/retain.lua"), Long.class);

	static final RedisScript<Long> SET_ALL = RedisScript.of(new ClassPathResource("redis/set-all.lua"), Long.class);

	static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of(new ClassPathResource("redis/compare-and-set.lua"),
			Long.class);

	static final RedisScript<Long> RETAIN_CLOSED = RedisScript.of(new ClassPathResource("redis/retain-closed.lua"),
			Long.class);

	static final RedisScript<String> WRITE_EXTEND = RedisScript.of(new ClassPathResource("redis/write-extend.lua"),
			String.class);

	@SuppressWarnings("rawtypes")
	static final RedisScript<List> TAKE_DUE = RedisScript.of(new ClassPathResource("redis/take-due.lua"), List.class);

	private Scripts() {
	}

}
