package fr.capemploi.cep;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.capemploi.testsupport.ArchitectureRules;

/** The service's dependency rules (see {@link ArchitectureRules}), on its main classes. */
@AnalyzeClasses(packages = "fr.capemploi.cep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfTheWeb = ArchitectureRules.domainIsFreeOfTheWeb();

    @ArchTest
    static final ArchRule servicesAreIndependent = ArchitectureRules.servicesAreIndependent();

    @ArchTest
    static final ArchRule layersGoRestToServiceToDomain = ArchitectureRules.layersGoRestToServiceToDomain("cep");
}
