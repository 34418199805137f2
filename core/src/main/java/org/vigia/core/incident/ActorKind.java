package org.vigia.core.incident;

/** Who caused a transition. Only the kind is kept in history, never who exactly among residents. */
public enum ActorKind {

	SYSTEM, RESIDENT, OBSERVER, DISPATCHER

}
