package org.vigia.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * What one input did to a conversation: the draft after it, what to say, and whether the conversation
 * goes on, was submitted or was cancelled.
 *
 * @param draft the draft after the input (the last state, also when submitted or cancelled)
 * @param prompts the messages to send, in order: one question for {@code CONTINUE}, one farewell for
 * {@code CANCELLED}, none when submitted (the caller thanks the resident once it knows what became of the report)
 * @param status what happens next
 */
public record Turn(ReportDraft draft, List<Prompt> prompts, Status status) {

	public Turn {
		Objects.requireNonNull(draft, "draft must not be null");
		prompts = List.copyOf(prompts);
		Objects.requireNonNull(status, "status must not be null");
	}

	public enum Status {

		/** Keep the draft and wait for the next input. */
		CONTINUE,
		/** Submit the draft as a report; the resident does not want to hear the outcome. */
		SUBMIT,
		/** Submit the draft as a report and tell the resident what observers found. */
		SUBMIT_AND_FOLLOW,
		/** Forget the draft. */
		CANCELLED

	}

}
