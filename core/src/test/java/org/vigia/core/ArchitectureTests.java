package org.vigia.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries of STYLE.md, checked so that nobody has to remember them. */
class ArchitectureTests {

	static final JavaClasses CORE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.vigia.core");

	@Test
	void coreDependsOnNoFrameworkTelegramOrRedis() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.telegram..", "io.lettuce..", "redis..",
					"com.fasterxml.jackson..", "tools.jackson..", "jakarta..")
			.check(CORE);
	}

	@Test
	void jtsStaysInsideGeometryAwareFeatures() {
		noClasses().that()
			.resideInAnyPackage("org.vigia.core.report..", "org.vigia.core.incident..", "org.vigia.core.chat..",
					"org.vigia.core.observer..", "org.vigia.core.channel..", "org.vigia.core.config..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.locationtech..")
			.check(CORE);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("org.vigia.core.(*)..").should().beFreeOfCycles().check(CORE);
	}

}
