package org.vigia.core.accompany;

/** The questions of the accompaniment request (issue 13), in order. */
public enum AccompanyStep {

	KIND, WHERE, WHERE_TYPED, DAY, TIME, LANGUAGE, COMPANIONS, RECOGNITION, FAMILY, CONFIRM

}
