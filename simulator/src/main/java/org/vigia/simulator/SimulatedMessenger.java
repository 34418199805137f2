package org.vigia.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Capabilities;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.messaging.Transport;

/**
 * The simulator's adapter of the messaging port: no network, no rate limits. A message to a person is handed to the
 * simulated person at that address one {@link #LATENCY} later (they answer through the engine's
 * {@code InboundHandler}, as a person would); a message to a group (a neighborhood's channel, whatever its
 * transport's address) is recorded as a channel post and reaches nobody. Every message is counted.
 *
 * <p>Sent messages get increasing numeric ids, as the engine's ledgers expect of a messenger. Not thread-safe: the
 * simulator runs on one thread ({@link VirtualTime}).
 */
public final class SimulatedMessenger implements Messenger {

	/** How long a message takes to reach a person's phone. */
	static final Duration LATENCY = Duration.ofSeconds(1);

	/** A simulated person: reads what the bot sent them, or an edit of it. */
	public interface Person {

		void read(SentRef sent, Outbound message, boolean edited);

	}

	/** A message posted to a group, as the simulator saw it. */
	public record GroupPost(Address to, Instant at, String text, boolean edit) {
	}

	private final VirtualTime time;

	private final Map<String, Person> people = new HashMap<>();

	private final List<GroupPost> posts = new ArrayList<>();

	private long nextId = 1;

	private long sent;

	private long edits;

	public SimulatedMessenger(VirtualTime time) {
		this.time = time;
	}

	/** Who reads messages to {@code address}. */
	public void register(Address address, Person person) {
		people.put(address.key(), person);
	}

	@Override
	public Transport transport() {
		return Transport.SIMULATED;
	}

	@Override
	public Capabilities capabilities() {
		return Capabilities.SIMULATED;
	}

	@Override
	public CompletableFuture<SentRef> send(Address to, Outbound message, Urgency urgency) {
		sent++;
		var ref = new SentRef(to, Long.toString(nextId++), time.instant());
		deliver(ref, message, false);
		return CompletableFuture.completedFuture(ref);
	}

	@Override
	public CompletableFuture<SentRef> edit(SentRef sentRef, Outbound message, Urgency urgency) {
		edits++;
		deliver(sentRef, message, true);
		return CompletableFuture.completedFuture(sentRef);
	}

	private void deliver(SentRef ref, Outbound message, boolean edited) {
		Address to = ref.to();
		if (!to.isPerson()) {
			posts.add(new GroupPost(to, time.instant(), message.text().plainText(), edited));
			return;
		}
		Person person = people.get(to.key());
		if (person != null) {
			time.after(LATENCY, () -> person.read(ref, message, edited));
		}
	}

	@Override
	public void acknowledge(Inbound press, String notice) {
		// a simulated press needs no spinner stopped
	}

	@Override
	public Optional<byte[]> download(Address from, String handle, int maxBytes) throws IOException {
		throw new IOException("simulated people send no photos");
	}

	/** Messages sent, edits not counted. */
	public long sent() {
		return sent;
	}

	public long edits() {
		return edits;
	}

	/** Everything posted to groups (channels), in order. */
	public List<GroupPost> groupPosts() {
		return List.copyOf(posts);
	}

}
