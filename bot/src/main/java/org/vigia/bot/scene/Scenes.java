package org.vigia.bot.scene;

import java.util.List;

import org.vigia.core.geo.GeoPoint;
import org.vigia.core.report.ReportKind;
import org.vigia.core.incident.Incident;
import org.vigia.core.report.Report;
import org.vigia.core.scene.ScenePlace;
import org.vigia.core.scene.ScenePlaces;
import org.vigia.core.scene.SceneReports;
import org.vigia.core.report.ReportStore;

/**
 * Reads what is known about an incident's scene: its reports from Redis, where it is ({@link ScenePlaces}) and
 * what residents describe ({@link SceneReports}). Each call reads the reports again (one MGET), so that a text
 * always shows the latest; callers that render often are rate-bounded (see {@code PromptRefresh}). May block
 * on a reverse-geocoder lookup the first time a point is described (then cached). Thread-safe.
 */
public final class Scenes {

	private final ReportStore reports;

	private final ScenePlaces places;

	public Scenes(ReportStore reports, ScenePlaces places) {
		this.reports = reports;
		this.places = places;
	}

	public Scene of(Incident incident) {
		List<Report> members = reports.findAll(incident.reports());
		return new Scene(incident, places.of(members, incident.center()), SceneReports.of(incident, members));
	}

	/**
	 * The scene described only around a point, without the words or address residents gave: for a public
	 * channel, where a home's address must not be published ({@link ScenePlaces#around}).
	 */
	public ScenePlace around(GeoPoint point) {
		return places.around(point);
	}

	/**
	 * Where the scene is, as a public text may say it (a channel's alert, a /check answer to anyone): a home or
	 * workplace only around its point, rounded to about 110 m; any other place as the scene says it, its pin
	 * rounded to about 11 m.
	 */
	public ScenePlace publicPlace(Scene scene) {
		ScenePlace place = scene.place();
		if (place.approximate()) {
			return place;
		}
		if (scene.incident().kind() == ReportKind.HOME_OR_WORKPLACE) {
			GeoPoint blurred = place.pin().approximate(3);
			ScenePlace around = places.around(blurred);
			return new ScenePlace(around.where(), blurred, false, around.neighborhood());
		}
		return new ScenePlace(place.where(), place.pin().approximate(4), false, place.neighborhood());
	}

}
