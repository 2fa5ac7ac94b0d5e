package fr.capemploi.beneficiary;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.capemploi.testsupport.ArchitectureRules;
import fr.capemploi.testsupport.MainClasses;

/** The service's dependency rules (see {@link ArchitectureRules}), on its main classes. */
@AnalyzeClasses(locations = MainClasses.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfTheWeb = ArchitectureRules.domainIsFreeOfTheWeb();

    @ArchTest
    static final ArchRule servicesAreIndependent = ArchitectureRules.servicesAreIndependent();

    @ArchTest
    static final ArchRule layersGoRestToServiceToDomain = ArchitectureRules.layersGoRestToServiceToDomain("beneficiary");
}
