package org.vigia.bot.incident;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.vigia.core.delivery.PromptLedger;
import org.vigia.core.incident.Incident;
import org.vigia.core.messaging.SendFailure;
import org.vigia.core.observer.Observer;
import org.vigia.store.Eventually;

/**
 * Sends an observer's prompts about an incident at most once, whichever instance sends them: the "can you go and
 * check?" and the "what did you see?". Each is claimed in Redis ({@link PromptLedger}) before it is sent and
 * recorded once the messenger took it.
 */
public final class Prompting {

	/** Prompt ledger targets: the "can you go and check?" and the "what did you see?" of an observer. */
	static final String ASK = "ask:", VERDICT = "verdict:";

	private final PromptLedger prompts;

	private final Verification.Notices notices;

	public Prompting(PromptLedger prompts, Verification.Notices notices) {
		this.prompts = Objects.requireNonNull(prompts, "prompts must not be null");
		this.notices = Objects.requireNonNull(notices, "notices must not be null");
	}

	/** Asks the observer to go and check, unless they were asked already. */
	void ask(Incident incident, Observer observer) {
		prompt(incident, observer, ASK, () -> notices.ask(observer, incident));
	}

	/** Sends a going observer the scene and asks what they saw, unless they were asked already. */
	void askVerdict(Incident incident, Observer observer) {
		prompt(incident, observer, VERDICT, () -> notices.askVerdict(observer, incident));
	}

	/**
	 * Sends a prompt unless it was delivered or is being sent by a live process: claimed first, recorded
	 * with its message id once the messenger took it. A prompt the messenger refused for good (the observer blocked
	 * the bot) or whose answer was unreadable is settled too (id 0), so that it is not sent again; one that
	 * could not be sent in time is released, for {@link Verification#resume} to try again.
	 */
	private void prompt(Incident incident, Observer observer, String kind, Supplier<CompletableFuture<Long>> send) {
		String target = kind + observer.id().value();
		if (!prompts.claim(incident.id(), target)) {
			return;
		}
		CompletableFuture<Long> sending;
		try {
			sending = send.get();
		}
		catch (RuntimeException ex) {
			// nothing was queued (Redis failed while the prompt was prepared): let a later attempt claim it
			Eventually.store("a released prompt", () -> prompts.release(incident.id(), target));
			throw ex;
		}
		sending.whenComplete((messageId, error) -> {
			Throwable cause = SendFailure.cause(error);
			if (cause == null || SendFailure.settled(cause)) {
				Eventually.store("a delivered prompt",
						() -> prompts.record(incident.id(), target, cause == null ? messageId : 0));
			}
			else {
				Eventually.store("a released prompt", () -> prompts.release(incident.id(), target));
			}
		});
	}

}
