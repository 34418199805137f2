package org.vigia.core.accompany;

import java.util.List;

/** Reminders and deadlines that must survive restarts, each handed out once across bot processes. */
public interface DueSchedule {

	void schedule(List<Due> due);

	/** Takes up to {@code max} items due by the store's clock; each is handed to one caller only. */
	List<Due> takeDue(int max);

}
