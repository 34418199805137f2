package org.vigia.store;

import org.vigia.core.incident.IncidentId;
import org.vigia.core.observer.ObserverId;
import org.vigia.core.report.Pseudonym;
import org.vigia.core.report.ReportId;

/**
 * Every key the bot writes, in one place, under one prefix (docs/redis-keys.md lists them with their
 * types and TTLs). Keys carry opaque ids and keyed hashes only, never a resident's chat id or a name (observers consented to the chat index).
 */
public final class RedisKeys {

	private final String prefix;

	public RedisKeys(String prefix) {
		if (prefix == null || prefix.isBlank()) {
			throw new IllegalArgumentException("prefix must not be empty");
		}
		this.prefix = prefix;
	}

	public String prefix() {
		return prefix;
	}

	String report(ReportId id) {
		return prefix + "report:" + id.value();
	}

	String incidentPrefix() {
		return prefix + "incident:";
	}

	String incident(IncidentId id) {
		return incidentPrefix() + id.value();
	}

	String openIncidentAnchors() {
		return prefix + "incidents:open";
	}

	String openIncidentsLastReport() {
		return prefix + "incidents:last";
	}

	/** Followed by an area's key: the open incidents in that area, anchored there or area-only. */
	String incidentsInAreaPrefix() {
		return prefix + "incidents:area:";
	}

	/** A drill's practice scenes: incident id → when it starts (epoch ms). */
	String drillScenes() {
		return prefix + "drill:scenes";
	}

	/** The observers who take part in one practice scene (a set of observer ids). */
	String drillParticipants(org.vigia.core.incident.IncidentId scene) {
		return prefix + "drill:participants:" + scene.value();
	}

	String closedIncidents() {
		return prefix + "incidents:closed";
	}

	String observer(ObserverId id) {
		return prefix + "observer:" + id.value();
	}

	String observerByChat(String chat) {
		return prefix + "observer:chat:" + chat;
	}

	String observers() {
		return prefix + "observers";
	}

	String onDutyPositions() {
		return prefix + "observers:onduty";
	}

	String onDutyExpiry() {
		return prefix + "observers:onduty:expiry";
	}

	/** That an observer was reminded their duty ends at {@code endMillis}. */
	String dutyReminded(ObserverId id, long endMillis) {
		return prefix + "observers:onduty:reminded:" + id.value() + ":" + endMillis;
	}

	/** Observers on duty in an area they named: observer id → the area's key. */
	String onDutyAreas() {
		return prefix + "observers:onduty:area";
	}

	String neighborhoods() {
		return prefix + "neighborhoods";
	}

	String conversation(String chatHash) {
		return prefix + "conv:" + chatHash;
	}

	/** Deliveries of one kind for an incident ({@code post}: channel alerts, {@code prompt}: observer prompts). */
	String deliveries(String kind, IncidentId id) {
		return prefix + kind + ":" + id.value();
	}

	String deliveryClaim(String kind, IncidentId id, String target) {
		return prefix + kind + ":claim:" + id.value() + ":" + target;
	}

	String instance(String id) {
		return prefix + "instance:" + id;
	}

	String rate(Pseudonym who) {
		return prefix + "rate:" + who.value();
	}

	String update(long updateId) {
		return prefix + "update:" + updateId;
	}

	String deadlines() {
		return prefix + "deadlines";
	}

	String stats(String hour) {
		return prefix + "stats:" + hour;
	}

	String button(String token) {
		return prefix + "btn:" + token;
	}

	String followers(IncidentId id) {
		return prefix + "followers:" + id.value();
	}

	String invite(String code) {
		return prefix + "invite:" + code;
	}

	String language(String personHash) {
		return prefix + "lang:" + personHash;
	}

	String photo(String ref) {
		return prefix + "photo:" + ref;
	}

	String correction(IncidentId id) {
		return prefix + "correction:" + id.value();
	}

	/** The console's commands to the bot (a stream). */
	String commands() {
		return prefix + "commands";
	}

	/** The bot's answers and incident changes, for the console (a stream). */
	String events() {
		return prefix + "events";
	}

	String command(String commandId) {
		return prefix + "cmd:" + commandId;
	}

	String neighborhoodsVersion() {
		return prefix + "neighborhoods:version";
	}

	String neighborhoodsFile() {
		return prefix + "neighborhoods:file";
	}

	String observerSeen(ObserverId id) {
		return prefix + "observer:seen:" + id.value();
	}

	String observerVerdicts() {
		return prefix + "observers:verdicts";
	}

	/** One accompaniment appointment (issue 13). */
	String appointment(String id) {
		return prefix + "acc:appt:" + id;
	}

	/** Appointments by their time, for the console's lists and the calendar. */
	String appointmentsByTime() {
		return prefix + "acc:appts";
	}

	/** Appointments by the time they may be forgotten. */
	String appointmentsRetention() {
		return prefix + "acc:retain";
	}

	/** Appointments with a detention case, by the time it opened. */
	String detentionCases() {
		return prefix + "acc:cases";
	}

	String accompanier(String id) {
		return prefix + "acc:accompanier:" + id;
	}

	String accompanierByAddress(String addressHash) {
		return prefix + "acc:accompanier:addr:" + addressHash;
	}

	String accompaniers() {
		return prefix + "acc:accompaniers";
	}

	/** A family link, by the keyed hash of its code. */
	String familyLink(String hash) {
		return prefix + "acc:link:" + hash;
	}

	/** The family links given out for one appointment, by hash, so that they are forgotten with it. */
	String familyLinksOf(String appointmentId) {
		return prefix + "acc:links:" + appointmentId;
	}

	/** Accompaniment reminders and the check-in deadline. */
	String accompanyDue() {
		return prefix + "acc:due";
	}

	/** A single-use invite code with the accompaniment role (not an observer's). */
	String accompanierInvite(String code) {
		return prefix + "acc:invite:" + code;
	}

}
