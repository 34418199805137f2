package org.vigia.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;

import org.vigia.core.chat.Input;
import org.vigia.core.geo.GeoPoint;
import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.InboundHandler;
import org.vigia.core.messaging.MenuItem;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.report.Recency;
import org.vigia.core.report.ReportKind;
import org.vigia.core.report.Uniform;

/**
 * A person who reports through the real guided report, as a resident does on Telegram: /report, then each
 * question answered by pressing one of the options the bot sent (the kind, "share my location", when, counts, a
 * uniform, skip the photo and the note, send). Several reports from one account are filed one after another.
 *
 * <p>Reads the options' values, which the bot reads back: {@code r:<turn>:<option>} for the report's questions
 * (core's {@code ReportFlow} option values). An account that the bot stops (rate limit) or that the bot asks
 * something it cannot answer gives up on that report after a few tries.
 */
final class Reporter implements SimulatedMessenger.Person {

	/** One report to file: where the person stands and what they say they see. */
	record Plan(Scene scene, GeoPoint point, ReportKind kind, Uniform uniform, Recency recency) {
	}

	private static final int MAX_ANSWERS = 25;

	private final Address address;

	private final VirtualTime time;

	private final InboundHandler engine;

	private final Ledger ledger;

	private final Random random;

	private final Duration think;

	private final Queue<Plan> plans = new ArrayDeque<>();

	private final Set<String> answered = new HashSet<>();

	private Plan current;

	private boolean uniformChosen;

	private int answers;

	Reporter(Address address, VirtualTime time, InboundHandler engine, Ledger ledger, Random random, Duration think) {
		this.address = address;
		this.time = time;
		this.engine = engine;
		this.ledger = ledger;
		this.random = random;
		this.think = think;
	}

	/** Files {@code plan} now, or after the report in progress. */
	void report(Plan plan) {
		plans.add(plan);
		if (current == null) {
			next();
		}
	}

	private void next() {
		current = plans.poll();
		answered.clear();
		uniformChosen = false;
		answers = 0;
		if (current != null) {
			engine.handle(new Inbound(address, null, new Inbound.Command("report", "")));
		}
	}

	@Override
	public void read(SentRef sent, Outbound message, boolean edited) {
		if (current == null) {
			return;
		}
		List<String[]> options = new ArrayList<>();
		for (List<MenuItem> row : message.rows()) {
			for (MenuItem item : row) {
				String[] parts = item.value().split(":", 3);
				if (parts.length == 3 && parts[0].equals("r")) {
					options.add(parts);
				}
			}
		}
		if (message.askPlace() != null) {
			answer("place", options.isEmpty() ? "?" : options.get(0)[1],
					new Inbound.Said(new Input.Location(current.point())), false);
			return;
		}
		if (options.isEmpty()) {
			if (!edited) {
				// the thanks, a refusal or a limit, or a notice before the next question: over unless one comes
				Plan plan = current;
				int before = answers;
				time.after(Duration.ofMinutes(1), () -> giveUpIfIdle(plan, before));
			}
			return;
		}
		String turn = options.get(0)[1];
		Set<String> values = new HashSet<>();
		options.forEach(o -> values.add(o[2]));
		if (values.contains("send")) {
			answer("send", turn, chosen(turn, "send"), true);
		}
		else if (values.contains(current.kind().name())) {
			answer("kind", turn, chosen(turn, current.kind().name()), false);
		}
		else if (values.contains(current.recency().name())) {
			answer("when", turn, chosen(turn, current.recency().name()), false);
		}
		else if (values.contains("done")) {
			if (!uniformChosen) {
				answer("uniform", turn, chosen(turn, current.uniform().name()), false);
			}
			else {
				answer("done", turn, chosen(turn, "done"), false);
			}
		}
		else if (values.contains("skip")) {
			answer("skip", turn, chosen(turn, "skip"), false);
		}
		else {
			var counts = options.stream().map(o -> o[2]).filter(v -> v.matches("[0-9]+")).toList();
			if (!counts.isEmpty()) {
				answer("count", turn, chosen(turn, counts.get(random.nextInt(counts.size()))), false);
			}
		}
	}

	private Inbound.Content chosen(String turn, String option) {
		return new Inbound.Chosen("r:" + turn + ":" + option);
	}

	private void answer(String what, String turn, Inbound.Content content, boolean sends) {
		if (!answered.add(turn + "/" + what)) {
			return;
		}
		if (++answers > MAX_ANSWERS) {
			engine.handle(new Inbound(address, null, new Inbound.Command("cancel", "")));
			time.after(pause(), this::next);
			return;
		}
		Plan plan = current;
		time.after(pause(), () -> {
			if (current != plan) {
				return;
			}
			if (what.equals("uniform")) {
				uniformChosen = true;
			}
			engine.handle(new Inbound(address, null, content));
			if (sends) {
				ledger.sent(new Ledger.Sent(plan.scene(), plan.point(), time.instant()));
				current = null;
				time.after(pause(), this::next);
			}
		});
	}

	private void giveUpIfIdle(Plan plan, int before) {
		// a report the bot ended without a "send" (refused, limited): go on with the next one
		if (current == plan && answers == before) {
			current = null;
			next();
		}
	}

	private Duration pause() {
		return think.plusMillis((long) (random.nextDouble() * think.toMillis()));
	}

}
