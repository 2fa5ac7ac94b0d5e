package fr.capemploi.platform;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.capemploi.testsupport.ArchitectureRules;

/**
 * The platform's part of the services' rules (see {@link ArchitectureRules}), on its main classes: found by package on
 * the class path, since these tests run in the platform-tests module, where platform is a dependency.
 */
@AnalyzeClasses(packages = "fr.capemploi.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The services' domains throw these: they must stay plain exceptions, their HTTP mapping elsewhere. */
    @ArchTest
    static final ArchRule problemExceptionsAreFreeOfTheWeb = ArchitectureRules.problemExceptionsAreFreeOfTheWeb();

    /** The platform is shared by all four services and knows none of them. */
    @ArchTest
    static final ArchRule platformKnowsNoService = ArchitectureRules.platformKnowsNoService();
}
