package org.vigia.bot.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import org.vigia.core.accompany.Accompanier;
import org.vigia.core.accompany.AccompanierId;
import org.vigia.core.accompany.AccompanyRequest;
import org.vigia.core.accompany.Appointment;
import org.vigia.core.accompany.AppointmentId;
import org.vigia.core.accompany.AppointmentKind;
import org.vigia.core.accompany.CheckInKind;
import org.vigia.core.accompany.FamilyLinks;
import org.vigia.core.accompany.Recognition;
import org.vigia.core.accompany.Schedule;
import org.vigia.core.accompany.Venue;
import org.vigia.core.messaging.Address;
import org.vigia.store.Pseudonyms;
import org.vigia.store.RedisAccompanierStore;
import org.vigia.store.RedisAppointmentStore;
import org.vigia.store.RedisDueSchedule;
import org.vigia.store.RedisEndpoint;
import org.vigia.store.RedisFamilyLinkStore;
import org.vigia.store.RedisKeys;
import org.vigia.store.RedisSettings;
import org.vigia.store.RedisStats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy scan over every accompaniment key: a whole appointment (request, family contact, accompaniers,
 * check-ins, a detention case, reminders, links) leaves no id of the person, the family contact or the
 * accompaniers, and no family link code, in any key or value.
 */
class AccompanyPrivacyScanTests {

	static final String PREFIX = "vigia-accscan:";

	static final String SECRET = "test-secret-of-at-least-16-chars";

	static final long PERSON = 870_101;

	static final long FAMILY = 870_102;

	static final long ANA = 870_201;

	static final long BEN = 870_202;

	@TempDir
	static Path data;

	static RedisEndpoint endpoint;

	static LettuceConnectionFactory factory;

	static StringRedisTemplate redis;

	@BeforeAll
	static void start() {
		endpoint = RedisEndpoint.from(new RedisSettings(null, "vigia:", Duration.ofMillis(500), Duration.ofSeconds(1),
				data, SECRET, Duration.ofSeconds(15), Duration.ofMillis(250), Duration.ofMinutes(15)));
		factory = endpoint.connectionFactory(Duration.ofSeconds(2), Duration.ofSeconds(1));
		factory.afterPropertiesSet();
		factory.start();
		redis = new StringRedisTemplate(factory);
		redis.afterPropertiesSet();
	}

	@AfterAll
	static void stop() {
		var keys = redis.keys(PREFIX + "*");
		if (!keys.isEmpty()) {
			redis.delete(keys);
		}
		factory.destroy();
		endpoint.close();
	}

	@Test
	void aWholeAppointmentLeavesNoIdOfAnyoneNorALinkCodeInRedis() {
		var scan = PrivacyScan.start().resident(PERSON).resident(FAMILY).neverLogged(ANA, BEN);
		var now = Instant.parse("2026-03-02T15:00:00Z");
		Clock clock = Clock.fixed(now, ZoneOffset.UTC);
		var keys = new RedisKeys(PREFIX);
		var pseudonyms = new Pseudonyms(SECRET);
		var appointments = new RedisAppointmentStore(redis, keys, pseudonyms, new RedisStats(redis, keys, clock), clock);
		var accompaniers = new RedisAccompanierStore(redis, keys, pseudonyms);
		var links = new RedisFamilyLinkStore(redis, keys, clock);
		var familyLinks = new FamilyLinks(SECRET);
		accompaniers.save(new Accompanier(new AccompanierId("ana"), "Ana", Set.of("es"), Set.of(Venue.ELSEWHERE),
				Address.telegramChat(ANA)));
		accompaniers.save(new Accompanier(new AccompanierId("ben"), "Ben", Set.of("es"), Set.of(Venue.ELSEWHERE),
				Address.telegramChat(BEN)));
		var request = new AccompanyRequest(AppointmentKind.ICE_CHECK_IN, Venue.typed("101 W Congress Pkwy"),
				now.plus(Duration.ofHours(2)), "es", 2, new Recognition("Rosa, chaqueta roja"),
				Address.telegramChat(PERSON), now);
		var ana = new AccompanierId("ana");
		var ben = new AccompanierId("ben");
		var a = Appointment.open(AppointmentId.random(), request).ask(List.of(ana, ben), now).appointment();
		appointments.create(a);
		var link = familyLinks.issue(request.at(), now);
		var unused = familyLinks.issue(request.at(), now);
		links.keep(link.pending(), a.id());
		links.keep(unused.pending(), a.id());
		links.take(link.hash());
		appointments.update(a.id(), x -> x.familyJoined(Address.telegramChat(FAMILY), now));
		appointments.update(a.id(), x -> x.accept(ana, now));
		appointments.update(a.id(), x -> x.accept(ben, now));
		appointments.update(a.id(), x -> x.checkIn(ana, CheckInKind.DETAINED, now.plus(Duration.ofHours(2))));
		new RedisDueSchedule(redis, keys, clock).schedule(Schedule.of(a, now));
		scan.neverLogged(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(link.code())));

		var scanned = scan.assertClean(redis, PREFIX);

		assertThat(scanned.keys()).as("every accompaniment key was read").isGreaterThanOrEqualTo(11);
		for (String key : redis.keys(PREFIX + "*")) {
			assertThat(key).doesNotContain(link.code().substring(2)).doesNotContain(unused.code().substring(2));
			if (redis.type(key).code().equals("string")) {
				assertThat(redis.opsForValue().get(key)).as(key)
					.doesNotContain(link.code().substring(2))
					.doesNotContain(Long.toString(ANA))
					.doesNotContain(Long.toString(BEN));
			}
		}
	}

}
