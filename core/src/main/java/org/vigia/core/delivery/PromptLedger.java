package org.vigia.core.delivery;

/**
 * Observer prompts of an incident ("can you go and check?", "what did you see?"), sent once per observer and
 * sent again only if the process that was sending died. Targets are {@code ask:{observerId}} and
 * {@code verdict:{observerId}}.
 */
public interface PromptLedger extends Deliveries {

}
