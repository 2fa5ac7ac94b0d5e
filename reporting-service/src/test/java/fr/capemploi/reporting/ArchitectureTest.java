package fr.capemploi.reporting;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import fr.capemploi.testsupport.MainClasses;
import fr.capemploi.testsupport.ServiceArchitecture;

/** The rules every service keeps (see {@link ServiceArchitecture}), on this service's main classes. */
@AnalyzeClasses(locations = MainClasses.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);
}
