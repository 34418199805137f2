package org.vigia.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.RedisOperations;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.observer.NearbyObserver;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.observer.ObserverStore;

/**
 * Observers as JSON under {@code observer:{id}}, a chat index {@code observer:chat:{chat}} (the address key: a Telegram chat id as before) (observers
 * consented to storing it), the set of all ids, and the on-duty positions in one GEO set, so that
 * "nearest on-duty observers" is one GEOSEARCH. An observer on duty in an area they named (a neighborhood,
 * since Signal has no live location) is in the GEO set at a point inside it, and in a hash of areas beside it.
 *
 * <p>GEO members have no TTL of their own: a ZSET holds each position's expiry, and the search script
 * first drops the expired ones. Both sets expire as a whole when no position was refreshed within the
 * position TTL. Registry keys live {@link Ttl#REGISTRY} from the last write (no "keep forever").
 */
public class RedisObserverStore implements ObserverStore {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	private final Codec codec = new Codec();

	public RedisObserverStore(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public void save(Observer observer) {
		String json = codec.observer(observer);
		Optional<Observer> previous = find(observer.id());
		Guard.run("observer save", () -> redis.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public List<Object> execute(RedisOperations ops) {
				ops.multi();
				previous.filter(p -> !p.chat().equals(observer.chat()))
					.ifPresent(p -> ops.delete(keys.observerByChat(p.chat())));
				ops.opsForValue().set(keys.observer(observer.id()), json, Ttl.REGISTRY);
				ops.opsForValue().set(keys.observerByChat(observer.chat()), observer.id().value(), Ttl.REGISTRY);
				ops.opsForSet().add(keys.observers(), observer.id().value());
				ops.expire(keys.observers(), Ttl.REGISTRY);
				return ops.exec();
			}
		}));
	}

	@Override
	public Optional<Observer> find(ObserverId id) {
		String json = Guard.call("observer find", () -> redis.opsForValue().get(keys.observer(id)));
		return Optional.ofNullable(json).map(codec::observer);
	}

	@Override
	public Optional<Observer> findByChat(String chat) {
		String id = Guard.call("observer find", () -> redis.opsForValue().get(keys.observerByChat(chat)));
		return Optional.ofNullable(id).flatMap(i -> find(new ObserverId(i))).filter(o -> o.chat().equals(chat));
	}

	@Override
	public List<Observer> all() {
		var ids = Guard.call("observer list", () -> redis.opsForSet().members(keys.observers()));
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		var sorted = ids.stream().sorted().toList();
		List<String> docs = Guard.call("observer list",
				() -> redis.opsForValue().multiGet(sorted.stream().map(i -> keys.observer(new ObserverId(i))).toList()));
		var out = new ArrayList<Observer>();
		for (String doc : docs) {
			if (doc != null) {
				out.add(codec.observer(doc));
			}
		}
		return List.copyOf(out);
	}

	@Override
	public void revoke(ObserverId id) {
		Optional<Observer> observer = find(id);
		Guard.run("observer revoke", () -> redis.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public List<Object> execute(RedisOperations ops) {
				ops.multi();
				observer.ifPresent(o -> ops.delete(keys.observerByChat(o.chat())));
				ops.delete(keys.observer(id));
				ops.opsForSet().remove(keys.observers(), id.value());
				ops.opsForZSet().remove(keys.onDutyPositions(), id.value());
				ops.opsForZSet().remove(keys.onDutyExpiry(), id.value());
				ops.opsForHash().delete(keys.onDutyAreas(), id.value());
				ops.delete(keys.observerSeen(id));
				ops.opsForHash().delete(keys.observerVerdicts(), id.value());
				return ops.exec();
			}
		}));
	}

	@Override
	public void onDuty(ObserverId id, GeoPoint position, Duration ttl) {
		onDuty(id, position, null, ttl);
	}

	@Override
	public void onDutyIn(ObserverId id, String area, GeoPoint interior, Duration ttl) {
		if (area == null || area.isBlank()) {
			throw new IllegalArgumentException("area must name an area, was '" + area + "'");
		}
		onDuty(id, interior, area, ttl);
	}

	/** On duty at a position, known ({@code area} null) or standing for an area. */
	private void onDuty(ObserverId id, GeoPoint position, String area, Duration ttl) {
		Ttl.check(ttl);
		// "last seen" belongs to the observer's registration: kept as long as it, removed with it, and
		// never written for someone who is not (or no longer) registered
		Guard.run("observer seen", () -> {
			if (Boolean.TRUE.equals(redis.hasKey(keys.observer(id)))) {
				redis.opsForValue().set(keys.observerSeen(id), Long.toString(clock.millis()), Ttl.REGISTRY);
			}
		});
		long expiresAt = clock.millis() + ttl.toMillis();
		Guard.run("observer on duty", () -> redis.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public List<Object> execute(RedisOperations ops) {
				ops.multi();
				ops.opsForGeo().add(keys.onDutyPositions(),
						new org.springframework.data.geo.Point(position.longitude(), position.latitude()), id.value());
				ops.opsForZSet().add(keys.onDutyExpiry(), id.value(), expiresAt);
				if (area == null) {
					ops.opsForHash().delete(keys.onDutyAreas(), id.value());
				}
				else {
					ops.opsForHash().put(keys.onDutyAreas(), id.value(), area);
					ops.expire(keys.onDutyAreas(), ttl);
				}
				// the sets live as long as their freshest position
				ops.expire(keys.onDutyPositions(), ttl);
				ops.expire(keys.onDutyExpiry(), ttl);
				return ops.exec();
			}
		}));
	}

	@Override
	public void offDuty(ObserverId id) {
		Guard.run("observer off duty", () -> redis.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public List<Object> execute(RedisOperations ops) {
				ops.multi();
				ops.opsForZSet().remove(keys.onDutyPositions(), id.value());
				ops.opsForZSet().remove(keys.onDutyExpiry(), id.value());
				ops.opsForHash().delete(keys.onDutyAreas(), id.value());
				return ops.exec();
			}
		}));
	}

	@Override
	public Optional<String> dutyArea(ObserverId id) {
		if (!isOnDuty(id)) {
			return Optional.empty();
		}
		Object area = Guard.call("observer duty", () -> redis.opsForHash().get(keys.onDutyAreas(), id.value()));
		return Optional.ofNullable(area).map(Object::toString);
	}

	@Override
	public java.util.Map<ObserverId, String> onDutyAreas() {
		java.util.Map<Object, Object> areas = Guard.call("observers on duty",
				() -> redis.opsForHash().entries(keys.onDutyAreas()));
		if (areas == null || areas.isEmpty()) {
			return java.util.Map.of();
		}
		var live = Guard.call("observers on duty",
				() -> redis.opsForZSet().rangeByScore(keys.onDutyExpiry(), clock.millis(), Double.POSITIVE_INFINITY));
		var out = new java.util.LinkedHashMap<ObserverId, String>();
		areas.forEach((id, area) -> {
			if (live != null && live.contains(id.toString())) {
				out.put(new ObserverId(id.toString()), area.toString());
			}
		});
		return out;
	}

	@Override
	public java.util.Map<ObserverId, java.time.Instant> dutyEndingBy(java.time.Instant until) {
		var ending = Guard.call("observers on duty", () -> redis.opsForZSet()
			.rangeByScoreWithScores(keys.onDutyExpiry(), clock.millis() + 1, until.toEpochMilli()));
		var out = new java.util.LinkedHashMap<ObserverId, java.time.Instant>();
		if (ending != null) {
			ending.forEach(t -> out.put(new ObserverId(t.getValue()),
					java.time.Instant.ofEpochMilli(t.getScore().longValue())));
		}
		return out;
	}

	@Override
	public boolean claimDutyReminder(ObserverId id, java.time.Instant end) {
		// kept until a minute after that end: long enough that nobody sends it twice, never longer than needed
		long keep = Math.max(1, end.toEpochMilli() - clock.millis()) + 60_000;
		return Boolean.TRUE.equals(Guard.call("observer duty reminder", () -> redis.opsForValue()
			.setIfAbsent(keys.dutyReminded(id, end.toEpochMilli()), "1", Duration.ofMillis(keep))));
	}

	@Override
	public boolean isOnDuty(ObserverId id) {
		Double expiresAt = Guard.call("observer duty", () -> redis.opsForZSet().score(keys.onDutyExpiry(), id.value()));
		return expiresAt != null && expiresAt > clock.millis();
	}

	/**
	 * Where an on-duty observer is now (to tell them how far and in which direction a scene is); empty when
	 * they are not on duty or their position expired.
	 */
	@Override
	public Optional<GeoPoint> position(ObserverId id) {
		if (!isOnDuty(id) || dutyArea(id).isPresent()) {
			return Optional.empty();
		}
		List<org.springframework.data.geo.Point> points = Guard.call("observer position",
				() -> redis.opsForGeo().position(keys.onDutyPositions(), id.value()));
		if (points == null || points.isEmpty() || points.get(0) == null) {
			return Optional.empty();
		}
		var point = points.get(0);
		return Optional.of(GeoPoint.of(point.getY(), point.getX()));
	}

	@Override
	public List<NearbyObserver> nearestOnDuty(GeoPoint center, double radiusMeters, int limit) {
		if (limit <= 0) {
			throw new IllegalArgumentException("limit must be positive, was " + limit);
		}
		List<?> hits = Guard.call("observer search",
				() -> redis.execute(Scripts.NEAREST, List.of(keys.onDutyPositions(), keys.onDutyExpiry(), keys.onDutyAreas()),
						Long.toString(clock.millis()), Double.toString(center.longitude()),
						Double.toString(center.latitude()), Double.toString(radiusMeters), Integer.toString(limit)));
		var out = new ArrayList<NearbyObserver>();
		for (Object hit : hits == null ? List.of() : hits) {
			List<?> pair = (List<?>) hit;
			out.add(new NearbyObserver(new ObserverId((String) pair.get(0)), Double.parseDouble((String) pair.get(1))));
		}
		return List.copyOf(out);
	}

	/** When the observer last shared a position (went on duty or moved), if within the registry's TTL. */
	public Optional<java.time.Instant> lastSeen(ObserverId id) {
		String millis = Guard.call("observer seen", () -> redis.opsForValue().get(keys.observerSeen(id)));
		return Optional.ofNullable(millis).map(m -> java.time.Instant.ofEpochMilli(Long.parseLong(m)));
	}

	/** Counts one verdict this observer gave (an aggregate for dispatchers; which incident is not kept). */
	@Override
	public void countVerdict(ObserverId id) {
		Guard.run("observer verdicts",
				() -> Expiring.write(redis, keys.observerVerdicts(), Ttl.REGISTRY, "HINCRBY", id.value(), "1"));
	}

	public long verdicts(ObserverId id) {
		Object count = Guard.call("observer verdicts", () -> redis.opsForHash().get(keys.observerVerdicts(), id.value()));
		return count == null ? 0 : Long.parseLong(count.toString());
	}

	/**
	 * Where each on-duty observer is now (positions that have not expired), for the dispatchers' map. The
	 * observers consented to their position being kept while on duty.
	 */
	public java.util.Map<ObserverId, GeoPoint> onDutyPositions() {
		var live = Guard.call("observers on duty",
				() -> redis.opsForZSet().rangeByScore(keys.onDutyExpiry(), clock.millis(), Double.POSITIVE_INFINITY));
		var out = new java.util.LinkedHashMap<ObserverId, GeoPoint>();
		if (live == null || live.isEmpty()) {
			return out;
		}
		var ids = List.copyOf(live);
		var points = Guard.call("observers on duty",
				() -> redis.opsForGeo().position(keys.onDutyPositions(), ids.toArray(String[]::new)));
		for (int i = 0; i < ids.size() && points != null && i < points.size(); i++) {
			var point = points.get(i);
			if (point != null) {
				out.put(new ObserverId(ids.get(i)), GeoPoint.of(point.getY(), point.getX()));
			}
		}
		return out;
	}

}
