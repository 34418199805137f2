package org.vigia.bot.messages;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vigia.bot.messages.Choice.CheckPlace;
import org.vigia.bot.messages.Choice.DispatcherAction;
import org.vigia.bot.messages.Choice.JoinAnswer;
import org.vigia.bot.messages.Choice.LanguageChoice;
import org.vigia.bot.messages.Choice.ObserverAnswer;
import org.vigia.bot.messages.Choice.ReportAnswer;
import org.vigia.bot.messages.Choice.Start;
import org.vigia.bot.messages.Choice.Unknown;

import static org.assertj.core.api.Assertions.assertThat;

class ChoiceTests {

	/** The wire forms of buttons already sent must keep working after an upgrade: each is pinned here. */
	@Test
	void everyProtocolKeepsTheWireFormOfButtonsAlreadySent() {
		var pinned = List.of(new Start(Start.Option.REPORT), new ReportAnswer(7, "DETENTION"),
				new JoinAnswer(JoinAnswer.Answer.AGREE), new JoinAnswer(JoinAnswer.Answer.SUGGESTED_NAME),
				new LanguageChoice("es"), new CheckPlace("nr31t0rjfzum"), CheckPlace.pick(),
				new DispatcherAction("i42", DispatcherAction.Action.NOT_ICE), new ObserverAnswer("5faee1bc264bfa4b", "going"));
		var wire = List.of("s:report", "r:7:DETENTION", "j:y", "j:name", "l:es", "c:nr31t0rjfzum", "c:*", "d:i42:not-ice",
				"o:5faee1bc264bfa4b:going");
		for (int i = 0; i < pinned.size(); i++) {
			assertThat(pinned.get(i).value()).as("value of %s", pinned.get(i)).isEqualTo(wire.get(i));
			assertThat(Choice.read(wire.get(i))).as("reading %s", wire.get(i)).isEqualTo(pinned.get(i));
		}
	}

	@Test
	void whatNoProtocolOffersIsUnknownNeverAnError() {
		for (String forged : List.of("", ":", "x", "x:y", "s:", "s:delete", "r:", "r:7", "r:07:NOW", "r:-1:NOW",
				"r:99999999999:NOW", "j:", "j:maybe", "\u0000", "r:1:" + "x".repeat(2000))) {
			Choice read = Choice.read(forged);
			if (forged.startsWith("r:1:")) {
				// a report answer with an absurd option: the desk refuses the option, the protocol reads it
				assertThat(read).as(forged).isInstanceOf(ReportAnswer.class);
			}
			else {
				assertThat(read).as(forged).isEqualTo(new Unknown(forged));
			}
		}
	}

	/** Accompaniment's buttons, pinned the same way (issue 13): messages with them wait days for a press. */
	@Test
	void accompanimentProtocolsKeepTheirWireForms() {
		var pinned = List.<Choice>of(new Choice.AccompanyAnswer(3, "d20261204"),
				new Choice.Accompaniment("Xy_9-abc", Choice.Accompaniment.Action.DETAINED),
				new Choice.Accompaniment("Xy_9-abc", Choice.Accompaniment.Action.WITHDRAW),
				new Choice.FamilyAnswer(true, "f_AAAAAAAAAAAAAAAAAAAAAA"), new Choice.FamilyAnswer(false, ""),
				new Choice.SignupAnswer("lang:es"));
		var wire = List.of("a:3:d20261204", "v:Xy_9-abc:detained", "v:Xy_9-abc:withdraw", "f:y:f_AAAAAAAAAAAAAAAAAAAAAA",
				"f:n", "g:lang:es");
		for (int i = 0; i < pinned.size(); i++) {
			assertThat(pinned.get(i).value()).as("value of %s", pinned.get(i)).isEqualTo(wire.get(i));
			assertThat(Choice.read(wire.get(i))).as("reading %s", wire.get(i)).isEqualTo(pinned.get(i));
		}
		// forged forms read as what their desk refuses: no action, no turn
		assertThat(Choice.read("v:abc:launch")).isEqualTo(new Choice.Accompaniment("abc", Optional.empty()));
		assertThat(Choice.read("a:07:x")).isEqualTo(new Unknown("a:07:x"));
		assertThat(Choice.read("f:maybe")).isEqualTo(new Choice.FamilyAnswer(false, ""));
	}

	@Test
	void observerAndDispatcherPressesAreReadAsWrittenForTheirDesksToCheck() {
		assertThat(Choice.read("o:token")).isEqualTo(new ObserverAnswer("token", null));
		assertThat(Choice.read("o:t:nothingnothing")).isEqualTo(new ObserverAnswer("t", "nothingnothing"));
		assertThat(Choice.read("d:i42:launch")).isEqualTo(new DispatcherAction("i42", Optional.empty()));
		assertThat(Choice.read("d:i42")).isEqualTo(new DispatcherAction("i42", Optional.empty()));
	}

}
