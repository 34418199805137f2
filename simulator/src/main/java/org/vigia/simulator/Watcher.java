package org.vigia.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

import org.vigia.core.chat.Input;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.incident.VerdictKind;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.InboundHandler;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SentRef;

/**
 * An observer, as the bot sees one: joins with an invitation (/join, consent, the suggested name), goes on duty
 * at a place and keeps sharing it; when asked "can you go and check?", says "I'm going" (if free, with the
 * city's probability) or "can't" (if busy at another scene), travels to the pin the bot sends at their speed,
 * looks, and presses what they saw: truthfully with the city's probability, otherwise another verdict. An
 * infiltrator goes to everything at once and presses "ICE confirmed" whatever is there.
 *
 * <p>Reads the options' values, which the bot reads back: {@code j:y} and {@code j:name} while joining,
 * {@code o:<token>:<action>} on prompts ({@code ObserverAction}'s names).
 */
final class Watcher implements SimulatedMessenger.Person {

	/** How an observer gets about, in meters per second. */
	enum Speed {

		WALKING(1.4), CYCLING(4.2), DRIVING(8.3);

		final double metersPerSecond;

		Speed(double metersPerSecond) {
			this.metersPerSecond = metersPerSecond;
		}

	}

	private static final List<VerdictKind> VERDICTS = List.of(VerdictKind.ICE_CONFIRMED, VerdictKind.LOCAL_POLICE,
			VerdictKind.NOTHING_THERE);

	private final Address address;

	private final VirtualTime time;

	private final InboundHandler engine;

	private final Ledger ledger;

	/** This observer's seed: each draw is made from it, the moment and what it is for (see {@link #random}). */
	private final long seed;

	private final Speed speed;

	private final boolean infiltrator;

	private final double truthful;

	private final double accepting;

	/** What an observer standing at a place sees at a time. */
	private final BiFunction<GeoPoint, Instant, VerdictKind> seen;

	private final Set<String> handled = new HashSet<>();

	private final GeoPoint home;

	private GeoPoint position;

	/** Set from "I'm going" until the verdict: where to, and the verdict prompt's token. */
	private boolean going;

	private GeoPoint target;

	private String verdictToken;

	private Instant setOff;

	private Duration travel;

	private boolean arrived;

	Watcher(Address address, VirtualTime time, InboundHandler engine, Ledger ledger, long seed, Speed speed,
			boolean infiltrator, double truthful, double accepting, GeoPoint home,
			BiFunction<GeoPoint, Instant, VerdictKind> seen) {
		this.address = address;
		this.time = time;
		this.engine = engine;
		this.ledger = ledger;
		this.seed = seed;
		this.speed = speed;
		this.infiltrator = infiltrator;
		this.truthful = truthful;
		this.accepting = accepting;
		this.home = home;
		this.position = home;
		this.seen = seen;
	}

	Address address() {
		return address;
	}

	/** Where they went on duty. */
	GeoPoint home() {
		return home;
	}

	GeoPoint position() {
		return position;
	}

	boolean infiltrator() {
		return infiltrator;
	}

	/** Joins with an invitation code (the rest follows from the bot's answers). */
	void join(String code) {
		send(new Inbound.Command("join", code));
	}

	/** /onduty, then the place, as a person sharing their location does. */
	void goOnDuty() {
		send(new Inbound.Command("onduty", ""));
		time.after(Duration.ofSeconds(5), () -> send(new Inbound.Said(new Input.Location(position))));
	}

	/** The live location moves (or is simply shared again, which keeps the observer on duty). */
	void moveTo(GeoPoint place) {
		position = place;
		send(new Inbound.Moved(place));
	}

	@Override
	public void read(SentRef sent, Outbound message, boolean edited) {
		if (going && target == null && message.place() != null) {
			target = message.place().point();
			setOff = time.instant();
			travel = Duration.ofSeconds(Math.round(position.metersTo(target) / speed.metersPerSecond)
					+ (infiltrator ? 0 : 60 + random("set off").nextInt(120)));
			time.after(travel, this::arrive);
		}
		for (List<MenuItem> row : message.rows()) {
			for (MenuItem item : row) {
				option(item.value(), edited);
			}
		}
	}

	private void option(String value, boolean edited) {
		String[] parts = value.split(":", 3);
		if (parts[0].equals("j") && parts.length == 2 && handled.add(value)) {
			time.after(Duration.ofSeconds(5), () -> send(new Inbound.Chosen(value)));
			if (parts[1].equals("name")) {
				time.after(Duration.ofSeconds(20), this::goOnDuty);
			}
			return;
		}
		if (!parts[0].equals("o") || parts.length != 3) {
			return;
		}
		String token = parts[1];
		String action = parts[2];
		if (action.equals("going") && handled.add(token + ":ask")) {
			asked(token);
		}
		else if (action.equals("ice") && !edited && going && verdictToken == null && handled.add(token + ":verdict")) {
			// the question sent right after "I'm going"; an edit of an older scene's question is not it
			verdictToken = token;
			if (arrived) {
				look();
			}
		}
	}

	private void asked(String token) {
		ledger.asked(address);
		if (going) {
			time.after(seconds(20, 60), () -> send(new Inbound.Chosen("o:" + token + ":cant")));
			return;
		}
		if (!infiltrator && random("accept").nextDouble() >= accepting) {
			return;
		}
		going = true;
		target = null;
		verdictToken = null;
		arrived = false;
		time.after(infiltrator ? seconds(10, 30) : seconds(30, 180), () -> {
			send(new Inbound.Chosen("o:" + token + ":going"));
			// the bot answers a going with the pin at once; none means the scene closed meanwhile
			time.after(Duration.ofMinutes(2), () -> {
				if (going && target == null) {
					going = false;
				}
			});
		});
	}

	private void arrive() {
		// a few meters from the pin, each observer at their own spot: two observers at the very same point would
		// tie in the engine's nearest-first search, and ties are broken by ids the engine draws at random
		var spot = new Random(seed);
		moveTo(CityMap.offset(target, 3 + spot.nextDouble() * 12, 3 + spot.nextDouble() * 12));
		arrived = true;
		if (verdictToken != null) {
			look();
		}
	}

	private void look() {
		String token = verdictToken;
		time.after(infiltrator ? seconds(10, 30) : seconds(60, 180), () -> {
			VerdictKind truth = seen.apply(position, time.instant());
			VerdictKind said = infiltrator ? VerdictKind.ICE_CONFIRMED
					: random("truthful").nextDouble() < truthful ? truth : other(truth);
			send(new Inbound.Chosen("o:" + token + ":" + action(said)));
			ledger.answered(new Ledger.Answered(address, time.instant(), travel, said, infiltrator));
			going = false;
		});
	}

	private VerdictKind other(VerdictKind truth) {
		var others = VERDICTS.stream().filter(v -> v != truth).toList();
		return others.get(random("mistake").nextInt(others.size()));
	}

	private static String action(VerdictKind kind) {
		return switch (kind) {
			case ICE_CONFIRMED -> "ice";
			case LOCAL_POLICE -> "police";
			case OTHER_AGENCY -> "other";
			case NOTHING_THERE -> "nothing";
		};
	}

	private Duration seconds(int min, int max) {
		return Duration.ofSeconds(min + random("delay" + min).nextInt(max - min + 1));
	}

	/**
	 * A generator for one draw, from this observer's seed, the moment and the draw's purpose: an observer decides
	 * the same way whatever order the engine sent several same-moment messages in (its iteration order follows
	 * ids it draws at random), so the same seed gives the same day.
	 */
	private Random random(String purpose) {
		long mixed = seed * 0x9E3779B97F4A7C15L + time.instant().toEpochMilli() * 31 + purpose.hashCode();
		return new Random(mixed);
	}

	private void send(Inbound.Content content) {
		engine.handle(new Inbound(address, null, content));
	}

}
