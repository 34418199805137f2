package org.vigia.core.messaging;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numbered menus for messengers without buttons, with the report flow's own labels in English and Spanish. */
class NumberedMenuTests {

	static final Map<String, NumberedMenu> MENUS = Map.of(
			"kind-en", menu(List.of(item("Someone being detained", "DETENTION"), item("Checkpoint", "CHECKPOINT")),
					List.of(item("Vehicles waiting", "VEHICLES_WAITING"), item("At a courthouse", "COURTHOUSE")),
					List.of(item("At a home or workplace", "HOME_OR_WORKPLACE"), item("Something else", "OTHER")),
					List.of(cancel("✖ Cancel"))),
			"kind-es", menu(List.of(item("Están deteniendo a alguien", "DETENTION"),
					item("Retén o punto de control", "CHECKPOINT")),
					List.of(item("Vehículos esperando", "VEHICLES_WAITING"), item("En un tribunal", "COURTHOUSE")),
					List.of(item("En una casa o lugar de trabajo", "HOME_OR_WORKPLACE"), item("Otra cosa", "OTHER")),
					List.of(cancel("✖ Cancelar"))),
			"agents-en", menu(List.of(item("1–2", "2"), item("3–5", "4"), item("6–10", "8")),
					List.of(item("More than 10", "12"), item("Not sure", "0")),
					List.of(item("⬅ Back", "back"), cancel("✖ Cancel"))),
			"vehicles-es", menu(List.of(item("1", "1"), item("2–3", "3"), item("4 o más", "5")),
					List.of(item("Ninguno / no sé", "0")), List.of(item("⬅ Atrás", "back"), cancel("✖ Cancelar"))),
			"uniform-es", menu(List.of(item("ICE", "ICE"), item("HSI", "HSI"), item("ERO", "ERO")),
					List.of(item("Policía", "POLICE"), item("Ropa de civil", "PLAIN_CLOTHES"),
							item("No estoy seguro/a", "UNSURE")),
					List.of(item("Listo ✔", "done")), List.of(item("⬅ Atrás", "back"), cancel("✖ Cancelar"))));

	static NumberedMenu menu(List<List<MenuItem>> rows) {
		return NumberedMenu.of(rows);
	}

	@SafeVarargs
	static NumberedMenu menu(List<MenuItem>... rows) {
		return NumberedMenu.of(List.of(rows));
	}

	static MenuItem item(String label, String value) {
		return MenuItem.of(label, value);
	}

	/** The way out answers to its word in both languages and to the command, whatever the menu's language. */
	static MenuItem cancel(String label) {
		return new MenuItem(label, "cancel", List.of("cancel", "cancelar", "/cancel"));
	}

	@Test
	void optionsAreNumberedInReadingOrderWithTheNumberInBold() {
		StyledText menu = MENUS.get("kind-en").render();

		assertThat(menu.plainText()).isEqualTo("""
				1 Someone being detained
				2 Checkpoint
				3 Vehicles waiting
				4 At a courthouse
				5 At a home or workplace
				6 Something else
				7 ✖ Cancel""");
		assertThat(menu.spans()).filteredOn(StyledText.Span::bold)
			.extracting(StyledText.Span::text)
			.containsExactly("1", "2", "3", "4", "5", "6", "7");
	}

	@Test
	void optionsThatAreNumbersThemselvesAreMarkedWithLetters() {
		NumberedMenu agents = MENUS.get("agents-en");

		assertThat(agents.markers()).isEqualTo(NumberedMenu.Markers.LETTERS);
		assertThat(agents.render().plainText()).isEqualTo("""
				A 1–2
				B 3–5
				C 6–10
				D More than 10
				E Not sure
				F ⬅ Back
				G ✖ Cancel""");
		assertThat(MENUS.get("kind-es").markers()).isEqualTo(NumberedMenu.Markers.NUMBERS);
	}

	@ParameterizedTest(name = "{0}: \"{1}\" → {2}")
	@CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
			kind-en     | 1                          | DETENTION
			kind-en     | 2.                         | CHECKPOINT
			kind-en     | ' #3 '                     | VEHICLES_WAITING
			kind-en     | (4)                        | COURTHOUSE
			kind-en     | 5️⃣                        | HOME_OR_WORKPLACE
			kind-en     | ６                         | OTHER
			kind-en     | 7                          | cancel
			kind-en     | 8                          | NONE
			kind-en     | 0                          | NONE
			kind-en     | -1                         | DETENTION
			kind-en     | 99999999999                | NONE
			kind-en     | Checkpoint                 | CHECKPOINT
			kind-en     | CHECKPOINT!                | CHECKPOINT
			kind-en     | someone being detained     | DETENTION
			kind-en     | detained                   | DETENTION
			kind-en     | courthouse                 | COURTHOUSE
			kind-en     | at a                       | NONE
			kind-en     | at                         | NONE
			kind-en     | cancel                     | cancel
			kind-en     | Cancelar                   | cancel
			kind-en     | /cancel                    | cancel
			kind-en     | ICE is here                | NONE
			kind-en     | asdf                       | NONE
			kind-en     | ''                         | NONE
			kind-en     | 🙂                         | NONE
			kind-es     | 1                          | DETENTION
			kind-es     | están deteniendo a alguien | DETENTION
			kind-es     | ESTAN DETENIENDO A ALGUIEN | DETENTION
			kind-es     | deteniendo                 | DETENTION
			kind-es     | reten                      | CHECKPOINT
			kind-es     | Retén                      | CHECKPOINT
			kind-es     | vehiculos                  | VEHICLES_WAITING
			kind-es     | tribunal                   | COURTHOUSE
			kind-es     | trabajo                    | HOME_OR_WORKPLACE
			kind-es     | otra cosa                  | OTHER
			kind-es     | CANCELAR                   | cancel
			kind-es     | cancel                     | cancel
			kind-es     | en                         | NONE
			kind-es     | una                        | NONE
			kind-es     | otra                       | NONE
			kind-es     | lugar                      | HOME_OR_WORKPLACE
			agents-en   | a                          | 2
			agents-en   | B)                         | 4
			agents-en   | 3                          | 4
			agents-en   | 5                          | 4
			agents-en   | 6                          | 8
			agents-en   | 10                         | 8
			agents-en   | 12                         | 12
			agents-en   | 1                          | 2
			agents-en   | 0                          | NONE
			agents-en   | 3–5                        | 4
			agents-en   | 3-5                        | 4
			agents-en   | more than 10               | 12
			agents-en   | not sure                   | 0
			agents-en   | sure                       | 0
			agents-en   | back                       | back
			agents-en   | h                          | NONE
			agents-en   | lots                       | NONE
			vehicles-es | 1                          | 1
			vehicles-es | 2                          | 3
			vehicles-es | 3                          | 3
			vehicles-es | 7                          | 5
			vehicles-es | d                          | 0
			vehicles-es | ninguno                    | 0
			vehicles-es | no se                      | 0
			vehicles-es | atrás                      | back
			vehicles-es | ATRAS                      | back
			vehicles-es | 4 o mas                    | 5
			vehicles-es | más                        | NONE
			uniform-es  | 1                          | ICE
			uniform-es  | ice                        | ICE
			uniform-es  | policia                    | POLICE
			uniform-es  | Policía                    | POLICE
			uniform-es  | ropa de civil              | PLAIN_CLOTHES
			uniform-es  | civil                      | PLAIN_CLOTHES
			uniform-es  | listo                      | done
			uniform-es  | 7                          | done
			uniform-es  | no                         | NONE
			uniform-es  | seguro                     | UNSURE
			""")
	void anAnswerChoosesByNumberLetterOrWordOrNothing(String menu, String reply, String expected) {
		assertThat(MENUS.get(menu).answer(reply).map(MenuItem::value).orElse(null)).isEqualTo(expected);
	}

	@Test
	void anAnswerThatFitsTwoOptionsChoosesNeither() {
		var menu = menu(List.of(item("Plain clothes", "PLAIN"), item("Clothes with markings", "MARKED")));

		assertThat(menu.answer("clothes")).isEmpty();
		assertThat(menu.answer("plain")).map(MenuItem::value).contains("PLAIN");
	}

	@Test
	void aLongMessageIsNoChoice() {
		assertThat(MENUS.get("kind-en").answer("detained " + "x".repeat(NumberedMenu.MAX_ANSWER))).isEmpty();
		assertThat(MENUS.get("kind-en").answer(null)).isEmpty();
	}

	@Test
	void aMenuHasAtLeastOneAndAtMostSixtyOptions() {
		assertThatThrownBy(() -> NumberedMenu.of(List.of(List.of()))).isInstanceOf(IllegalArgumentException.class);
		var many = java.util.stream.IntStream.range(0, NumberedMenu.MAX_ITEMS + 1)
			.mapToObj(i -> item("Option " + (char) ('a' + i % 26) + i, "v" + i))
			.toList();
		assertThatThrownBy(() -> NumberedMenu.of(List.of(many))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aLongMenuWithNumbersInItsLabelsKeepsNumbers() {
		var rows = java.util.stream.IntStream.range(0, 30).mapToObj(i -> List.of(item("District " + i, "d" + i))).toList();

		var menu = NumberedMenu.of(rows);

		assertThat(menu.markers()).isEqualTo(NumberedMenu.Markers.NUMBERS);
		assertThat(menu.answer("30")).map(MenuItem::value).contains("d29");
		assertThat(menu.answer("district 12")).map(MenuItem::value).contains("d12");
	}

}
