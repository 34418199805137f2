package org.vigia.core.chat;

/** The steps of the guided report (DESIGN.md, SALUTE), in order. */
public enum ReportStep {

	KIND, WHERE, WHERE_NEIGHBORHOOD, WHERE_STREETS, WHEN, AGENTS, VEHICLES, UNIFORM, PHOTO, NOTE, CONFIRM

}
