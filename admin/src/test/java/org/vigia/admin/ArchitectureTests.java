package org.vigia.admin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.vigia.bot.StoreBoundary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The console's boundaries, checked so that nobody has to remember them. */
class ArchitectureTests {

	static final JavaClasses ADMIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.vigia.admin");

	/**
	 * Outside its wiring ({@code *Config} classes, the application class), the console reads and changes
	 * incidents, observers, reports, appointments, drills, the neighborhoods, the chat state, the stats and the
	 * Signal captcha flag through core's storage ports, never through the store classes behind them. It may name
	 * only the store classes that are not storage ({@link StoreBoundary#SHARED}), and its classes that speak Redis
	 * themselves (accounts, command log, event relay, live state) store's plumbing ({@link StoreBoundary#PLUMBING}).
	 */
	@Test
	void onlyTheWiringNamesTheStoresClasses() {
		noClasses().that(StoreBoundary.notWiring(VigiaAdminApplication.class))
			.should()
			.dependOnClassesThat(StoreBoundary.STORAGE)
			.check(ADMIN);
	}

}
