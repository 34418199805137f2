package org.vigia.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanierStore;
import org.vigia.core.messaging.Address;

/**
 * Registered accompaniers ({@code acc:accompanier:{id}}, their address sealed), found by address through a keyed
 * hash ({@code acc:accompanier:addr:{hash}}); registry data kept 400 days from the last save, as observers are.
 */
public class RedisAccompanierStore implements AccompanierStore {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Pseudonyms hashes;

	private final AccompanyCodec codec;

	public RedisAccompanierStore(StringRedisTemplate redis, RedisKeys keys, Pseudonyms hashes) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.hashes = Objects.requireNonNull(hashes, "hashes must not be null");
		this.codec = new AccompanyCodec(hashes.seal());
	}

	@Override
	public void save(Accompanier accompanier) {
		String id = accompanier.id().value();
		Optional<Accompanier> before = find(accompanier.id());
		Guard.run("accompanier save", () -> {
			Expiring.setAll(redis,
					List.of(keys.accompanier(id), keys.accompanierByAddress(addressHash(accompanier.address()))),
					List.of(codec.accompanier(accompanier), id), Ttl.REGISTRY);
			Expiring.write(redis, keys.accompaniers(), Ttl.REGISTRY, "SADD", id);
		});
		before.filter(b -> !b.address().equals(accompanier.address()))
			.ifPresent(b -> Guard.run("accompanier save", () -> redis.delete(keys.accompanierByAddress(addressHash(b.address())))));
	}

	@Override
	public Optional<Accompanier> find(AccompanierId id) {
		String json = Guard.call("accompanier find", () -> redis.opsForValue().get(keys.accompanier(id.value())));
		return Optional.ofNullable(json).map(codec::accompanier);
	}

	@Override
	public Optional<Accompanier> byAddress(Address address) {
		String id = Guard.call("accompanier find",
				() -> redis.opsForValue().get(keys.accompanierByAddress(addressHash(address))));
		return Optional.ofNullable(id).map(AccompanierId::new).flatMap(this::find);
	}

	@Override
	public List<Accompanier> all() {
		Set<String> ids = Guard.call("accompanier list", () -> redis.opsForSet().members(keys.accompaniers()));
		var found = new ArrayList<Accompanier>();
		for (String id : ids == null ? Set.<String>of() : ids) {
			find(new AccompanierId(id)).ifPresent(found::add);
		}
		found.sort(Comparator.comparing(a -> a.id().value()));
		return found;
	}

	@Override
	public void remove(AccompanierId id) {
		find(id).ifPresent(a -> Guard.run("accompanier remove", () -> {
			redis.delete(List.of(keys.accompanier(id.value()), keys.accompanierByAddress(addressHash(a.address()))));
			redis.opsForSet().remove(keys.accompaniers(), id.value());
		}));
	}

	private String addressHash(Address address) {
		return hashes.hash("accompanier:" + AccompanyCodec.address(address), 32);
	}

}
