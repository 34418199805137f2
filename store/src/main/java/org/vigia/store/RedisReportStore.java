package org.vigia.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.report.Report;
import org.vigia.core.report.ReportId;
import org.vigia.core.report.ReportStore;

/**
 * Reports as JSON strings under {@code report:{id}}, each with its own TTL (there is no way to store a
 * report without one).
 */
public class RedisReportStore implements ReportStore {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Codec codec;

	public RedisReportStore(StringRedisTemplate redis, RedisKeys keys) {
		this(redis, keys, new Codec());
	}

	RedisReportStore(StringRedisTemplate redis, RedisKeys keys, Codec codec) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.codec = codec;
	}

	@Override
	public void save(Report report, Duration ttl) {
		Ttl.check(ttl);
		String value = codec.report(report);
		Guard.run("report save", () -> redis.opsForValue().set(keys.report(report.id()), value, ttl));
	}

	@Override
	public Optional<Report> find(ReportId id) {
		String text = Guard.call("report find", () -> redis.opsForValue().get(keys.report(id)));
		return Optional.ofNullable(text).map(codec::report);
	}

	@Override
	public List<Report> findAll(List<ReportId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<String> texts = Guard.call("report find",
				() -> redis.opsForValue().multiGet(ids.stream().map(keys::report).toList()));
		var out = new ArrayList<Report>(ids.size());
		for (String text : texts) {
			if (text != null) {
				out.add(codec.report(text));
			}
		}
		return List.copyOf(out);
	}

	/** The reports, and the photos they refer to, expire within {@code ttl} (never later than they would have). */
	@Override
	public void retain(List<ReportId> ids, Duration ttl) {
		Ttl.check(ttl);
		if (ids.isEmpty()) {
			return;
		}
		var retained = new ArrayList<String>();
		ids.forEach(id -> retained.add(keys.report(id)));
		findAll(ids).stream().map(Report::photo).filter(Objects::nonNull).map(keys::photo).forEach(retained::add);
		Guard.run("report retain", () -> Expiring.retain(redis, retained, ttl));
	}

}
