package org.vigia.bot.drill;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.vigia.bot.messages.Replies;
import org.vigia.bot.messages.Texts;
import org.vigia.core.chat.Text;
import org.vigia.core.drill.DrillReport;
import org.vigia.core.incident.Incident;
import org.vigia.core.incident.IncidentStore;
import org.vigia.core.messaging.Address;
import org.vigia.core.observer.Observer;
import org.vigia.core.observer.ObserverStore;
import org.vigia.core.drill.Drills;

/**
 * {@code /drill report}: how the drills of the last hours went ({@link DrillReport}), in the dispatcher's
 * language, then the same figures as CSV to copy into a spreadsheet.
 */
final class DrillReports {

	private final Replies replies;

	private final Drills drills;

	private final IncidentStore incidents;

	private final ObserverStore observers;

	private final ZoneId zone;

	DrillReports(Replies replies, Drills drills, IncidentStore incidents, ObserverStore observers, ZoneId zone) {
		this.replies = replies;
		this.drills = drills;
		this.incidents = incidents;
		this.observers = observers;
		this.zone = zone;
	}

	/** The report of the practice scenes still kept (those started, not those still to come). */
	DrillReport report() {
		List<Incident> scenes = drills.scenes().stream().flatMap(id -> incidents.find(id).stream()).toList();
		return DrillReport.of(scenes, id -> observers.find(id).map(Observer::alias).orElse("—"));
	}

	void send(Address chat, String language) {
		DrillReport report = report();
		if (report.scenes().isEmpty()) {
			replies.say(chat, language, "drill.report.none");
			return;
		}
		var lines = new ArrayList<Text>();
		for (DrillReport.SceneRow s : report.scenes()) {
			lines.add(Text.of("drill.report.scene", s.number(), DateTimeFormatter.ofPattern("HH:mm").format(s.started().atZone(zone)),
					time(s.toFirstGoing()), time(s.toQuorum()), time(s.toPost())));
		}
		for (DrillReport.ObserverRow o : report.observers()) {
			lines.add(Text.of("drill.report.observer", o.name(), o.prompts(), o.answered(), time(o.medianToAnswer())));
		}
		String body = String.join("\n", lines.stream().map(t -> replies.texts().render(t, language)).toList());
		replies.say(chat, language, "drill.report", new Texts.Html(body));
		replies.say(chat, language, "drill.report.csv", report.csv());
	}

	private static Text time(Duration d) {
		if (d == null) {
			return Text.of("drill.report.never");
		}
		return Text.of("drill.report.duration", d.toMinutes(), d.toSecondsPart());
	}

}
