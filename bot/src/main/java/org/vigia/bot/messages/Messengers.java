package org.vigia.bot.messages;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.vigia.core.messaging.Address;
import org.vigia.core.messaging.Capabilities;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.Messenger;
import org.vigia.core.messaging.Outbound;
import org.vigia.core.messaging.SendFailure;
import org.vigia.core.messaging.SentRef;
import org.vigia.core.messaging.Transport;

/**
 * The messengers this bot runs, one per transport, as the one {@link Messenger} the engine holds: every verb
 * goes to the adapter of its address's transport, so a reply to a Signal address goes out through Signal and
 * one to a Telegram chat through Telegram.
 *
 * <p>An address on a transport this bot does not run (a Signal observer after Signal was switched off) is not
 * reachable: {@link #send} and {@link #edit} fail with a {@link SendFailure} that says so
 * ({@link SendFailure.Kind#REFUSED}: sending again cannot help), {@link #acknowledge} does nothing and {@link #download} throws
 * {@link IOException}. Immutable and thread-safe.
 */
public final class Messengers implements Messenger {

	private final Map<Transport, Messenger> byTransport;

	/**
	 * @param adapters one messenger per transport; at least one
	 * @throws IllegalArgumentException if there is none, or two speak the same transport
	 */
	public Messengers(Collection<? extends Messenger> adapters) {
		Objects.requireNonNull(adapters, "adapters must not be null");
		var map = new EnumMap<Transport, Messenger>(Transport.class);
		for (Messenger adapter : adapters) {
			if (adapter instanceof Messengers) {
				throw new IllegalArgumentException("a router cannot route to a router");
			}
			if (map.put(adapter.transport(), adapter) != null) {
				throw new IllegalArgumentException("two messengers speak " + adapter.transport());
			}
		}
		if (map.isEmpty()) {
			throw new IllegalArgumentException("no messenger: set TELEGRAM_BOT_TOKEN, or SIGNAL_CLI_URL and SIGNAL_ACCOUNT");
		}
		this.byTransport = Map.copyOf(map);
	}

	/** The messenger of this transport, if the bot runs it. */
	public Optional<Messenger> of(Transport transport) {
		return Optional.ofNullable(byTransport.get(transport));
	}

	/** Whether people on this transport can be reached. */
	public boolean runs(Transport transport) {
		return byTransport.containsKey(transport);
	}

	/** What the messenger of this address can do; empty when the bot does not run it. */
	public Optional<Capabilities> capabilities(Address address) {
		return of(address.transport()).map(Messenger::capabilities);
	}

	/**
	 * Not one transport: the router has many. Callers that must know ask {@link #capabilities(Address)} or
	 * {@link #of(Transport)}.
	 *
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public Transport transport() {
		throw new UnsupportedOperationException("the router speaks several transports: ask of(transport)");
	}

	/** What every transport the bot runs can do: the safe assumption when the address is not known. */
	@Override
	public Capabilities capabilities() {
		Capabilities all = null;
		for (Messenger m : byTransport.values()) {
			all = all == null ? m.capabilities() : meet(all, m.capabilities());
		}
		return all;
	}

	@Override
	public CompletableFuture<SentRef> send(Address to, Outbound message, Urgency urgency) {
		Messenger adapter = byTransport.get(to.transport());
		return adapter == null ? unreachable(to.transport())
				: adapter.send(to, message, urgency);
	}

	@Override
	public CompletableFuture<SentRef> edit(SentRef sent, Outbound message, Urgency urgency) {
		Messenger adapter = byTransport.get(sent.to().transport());
		return adapter == null ? unreachable(sent.to().transport())
				: adapter.edit(sent, message, urgency);
	}

	@Override
	public void acknowledge(Inbound press, String notice) {
		Messenger adapter = byTransport.get(press.from().transport());
		if (adapter != null) {
			adapter.acknowledge(press, notice);
		}
	}

	@Override
	public Optional<byte[]> download(Address from, String handle, int maxBytes) throws IOException {
		Messenger adapter = byTransport.get(from.transport());
		if (adapter == null) {
			throw new IOException("no messenger for " + from.transport());
		}
		return adapter.download(from, handle, maxBytes);
	}

	@Override
	public String toString() {
		return "Messengers" + byTransport.keySet();
	}

	private static Capabilities meet(Capabilities a, Capabilities b) {
		return new Capabilities(a.buttons() && b.buttons(),
				a.editWindow().compareTo(b.editWindow()) <= 0 ? a.editWindow() : b.editWindow(),
				Math.min(a.maxEdits(), b.maxEdits()), a.liveLocation() && b.liveLocation(), a.channels() && b.channels(),
				a.quotes() && b.quotes(), Math.min(a.maxTextLength(), b.maxTextLength()));
	}

	private static CompletableFuture<SentRef> unreachable(Transport transport) {
		return CompletableFuture.failedFuture(new SendFailure(SendFailure.Kind.REFUSED,
				new IllegalStateException("this bot does not run " + transport)));
	}

}
