package org.vigia.bot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The messenger seam, checked: the conversation engine (desks, publisher, verification, console commands,
 * /check) speaks only core's messaging port; each messenger's types stay in its adapter package.
 */
class ArchitectureTests {

	static final JavaClasses BOT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.vigia.bot");

	@Test
	void telegramTypesStayInTheTelegramAdapter() {
		noClasses().that()
			.resideOutsideOfPackage("org.vigia.bot.telegram..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.telegram..")
			.check(BOT);
	}

	@Test
	void theEngineKnowsNoAdapter() {
		noClasses().that()
			.resideOutsideOfPackages("org.vigia.bot.telegram..", "org.vigia.bot.signal..", "org.vigia.bot.config..")
			.and()
			.doNotHaveFullyQualifiedName(VigiaBotApplication.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.vigia.bot.telegram..", "org.vigia.bot.signal..")
			.check(BOT);
	}

	@Test
	void adaptersDoNotReachIntoEachOther() {
		noClasses().that()
			.resideInAPackage("org.vigia.bot.telegram..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.vigia.bot.signal..")
			.check(BOT);
		noClasses().that()
			.resideInAPackage("org.vigia.bot.signal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.vigia.bot.telegram..", "org.telegram..")
			.check(BOT);
	}

	/**
	 * Outside the wiring ({@code config}, the {@code *Config} classes, the application class), the bot talks to
	 * core's storage ports (ChatStates, PostLedger, DeadlineSchedule, Stats, IncidentStore …), never to the store
	 * classes behind them; it may name only the store classes that are not storage ({@link StoreBoundary#SHARED}),
	 * and the plumbing of its classes that speak Redis themselves ({@link StoreBoundary#PLUMBING}).
	 */
	@Test
	void onlyTheWiringNamesTheStoresClasses() {
		noClasses().that(StoreBoundary.notWiring(VigiaBotApplication.class, "org.vigia.bot.config"))
			.should()
			.dependOnClassesThat(StoreBoundary.STORAGE)
			.check(BOT);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.vigia.bot.(*)..").should().beFreeOfCycles().check(BOT);
	}

}
