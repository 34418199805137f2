package org.vigia.core.accompany;

import java.time.Duration;

/**
 * Single-use invite codes with the accompaniment role, kept apart from observers' codes so that each code makes
 * one kind of volunteer.
 */
public interface AccompanierInvites {

	/** A new single-use code, valid for {@code ttl}. */
	String create(String createdBy, Duration ttl);

	/** Whether this is a live accompanier code (without using it). */
	boolean exists(String code);

	/** Uses up a code: true exactly once, if it exists and has not expired. */
	boolean redeem(String code);

}
