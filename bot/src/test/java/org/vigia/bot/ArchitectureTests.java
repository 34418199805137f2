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
	 * Outside the wiring, the bot uses core's storage ports where core has one (incidents, observers, reports),
	 * never their Redis classes. (Redis classes without a port yet, such as the chat state and the ledgers,
	 * are still used directly.)
	 */
	@Test
	void theBotUsesCoresStoragePortsWhereThereAreSome() {
		noClasses().that()
			.resideOutsideOfPackage("org.vigia.bot.config..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.vigia.store.RedisIncidentStore")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.vigia.store.RedisObserverStore")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.vigia.store.RedisReportStore")
			.check(BOT);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.vigia.bot.(*)..").should().beFreeOfCycles().check(BOT);
	}

}
