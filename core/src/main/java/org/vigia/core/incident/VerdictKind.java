package org.vigia.core.incident;

/** What an observer saw on the spot. */
public enum VerdictKind {

	ICE_CONFIRMED, LOCAL_POLICE, OTHER_AGENCY, NOTHING_THERE

}
