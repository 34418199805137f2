package org.vigia.core.scene;

import org.vigia.core.chat.ReportFlow;
import org.vigia.core.chat.Text;

/**
 * Where a scene is, in words: the one way observers' prompts, channel alerts, dispatchers (in the bot and in
 * the console) and /check answers say it. The texts are bundle keys with their arguments ({@link Text}); each
 * front end renders them in the reader's language from its bundles, which hold the same keys:
 * {@code scene.where.*} (inside a sentence: "at Main St &amp; 5th Ave", "about 400 m north-east of Union
 * Station"), {@code scene.place.*} (standing alone: a 📍 line, a map pin's title, a table cell),
 * {@code scene.meters}, {@code scene.kilometers}, {@code scene.bearing.*} and {@code scene.somewhere}.
 */
public final class WhereWords {

	/** Closer than this to a listed place, a scene is "at" it. */
	static final double AT_PLACE_METERS = 75;

	private WhereWords() {
	}

	/** Where, inside a sentence: "at Main St &amp; 5th Ave", "about 400 m north-east of …", "somewhere in …". */
	public static Text where(Where where) {
		return words("scene.where.", where);
	}

	/** Where, standing alone (a channel's 📍 line, a map pin's title, the console's table). */
	public static Text place(Where where) {
		return words("scene.place.", where);
	}

	/**
	 * The place's name alone, to follow "near": the words or address given, the listed place, the neighborhood;
	 * "the area" when there is only a pin.
	 */
	public static Text name(Where where) {
		String name = where instanceof Where.Given g ? g.text() : where instanceof Where.Address a ? a.text()
				: where instanceof Where.NearPlace n ? n.place() : where instanceof Where.InArea a ? a.name()
						: where instanceof Where.SomewhereIn s ? s.name() : null;
		return name == null ? Text.of("scene.somewhere") : Text.of("plain", name);
	}

	/** A distance as people say it: to 50 m under a kilometre, to 100 m up to 10 km, to the kilometre above. */
	public static Text distance(double meters) {
		if (meters < 975) {
			return Text.of("scene.meters", Math.max(50, Math.round(meters / 50.0) * 50));
		}
		if (meters < 9_950) {
			return Text.of("scene.kilometers", Math.round(meters / 100.0) / 10.0);
		}
		return Text.of("scene.kilometers", Math.round(meters / 1000.0));
	}

	/** A compass direction: "north-east". */
	public static Text bearing(Bearing bearing) {
		return Text.of(ReportFlow.key("scene.bearing.", bearing));
	}

	private static Text words(String prefix, Where where) {
		if (where instanceof Where.Given g) {
			return Text.of(prefix + "given", g.text());
		}
		if (where instanceof Where.Address a) {
			return Text.of(prefix + "address", a.text());
		}
		if (where instanceof Where.NearPlace n) {
			return n.meters() < AT_PLACE_METERS ? Text.of(prefix + "atPlace", n.place())
					: Text.of(prefix + "near", distance(n.meters()), bearing(n.bearing()), n.place());
		}
		if (where instanceof Where.InArea a) {
			return Text.of(prefix + "inArea", a.name());
		}
		if (where instanceof Where.SomewhereIn s) {
			return Text.of(prefix + "somewhere", s.name());
		}
		return Text.of(prefix + "onlyPin");
	}

}
