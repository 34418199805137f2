package org.vigia.core.accompany;

import java.util.List;
import java.util.Objects;

import org.vigia.core.chat.Prompt;

/**
 * What one input did to a request being written: the draft after it, what to say, and whether the conversation
 * goes on, was confirmed or was cancelled.
 *
 * @param draft the draft after the input
 * @param prompts the messages to send, in order
 * @param status what happens next
 */
public record AccompanyTurn(AccompanyDraft draft, List<Prompt> prompts, Status status) {

	public AccompanyTurn {
		Objects.requireNonNull(draft, "draft must not be null");
		prompts = List.copyOf(prompts);
		Objects.requireNonNull(status, "status must not be null");
	}

	public enum Status {

		/** Keep the draft and wait for the next input. */
		CONTINUE,
		/**
		 * Keep the request ({@link AccompanyFlow#request}: an appointment with the draft's id) and start matching;
		 * the prompt says what happens next.
		 */
		CONFIRMED,
		/** Forget the draft. */
		CANCELLED

	}

}
