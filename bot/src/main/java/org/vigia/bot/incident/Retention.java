package org.vigia.bot.incident;

import java.time.Duration;
import java.util.List;

import org.vigia.core.config.VigiaSettings;
import org.vigia.core.delivery.PostLedger;
import org.vigia.core.delivery.PromptLedger;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.report.ReportStore;

/**
 * A closed incident is kept no longer than {@code retention.after-close}: the incident, its reports, the ledgers
 * of its posts and prompts, and what observers hold about it (their buttons).
 */
public final class Retention {

	private final IncidentStore incidents;

	private final ReportStore reports;

	private final PostLedger posts;

	private final PromptLedger prompts;

	private final Verification.Notices notices;

	private final Duration ttl;

	public Retention(IncidentStore incidents, ReportStore reports, PostLedger posts, PromptLedger prompts,
			Verification.Notices notices, VigiaSettings settings) {
		this.incidents = incidents;
		this.reports = reports;
		this.posts = posts;
		this.prompts = prompts;
		this.notices = notices;
		this.ttl = settings.retention().afterClose();
	}

	void retain(Incident incident) {
		incidents.retain(incident.id(), ttl);
		reports.retain(incident.reports(), ttl);
		posts.retain(incident.id(), List.copyOf(posts.delivered(incident.id()).keySet()), ttl);
		prompts.retain(incident.id(), List.copyOf(prompts.delivered(incident.id()).keySet()), ttl);
		notices.retain(incident, ttl);
	}

}
