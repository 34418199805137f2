package org.vigia.core.report;

/** What the resident says is happening (DESIGN.md, guided report step 1). */
public enum ReportKind {

	DETENTION, CHECKPOINT, VEHICLES_WAITING, COURTHOUSE, HOME_OR_WORKPLACE, OTHER

}
