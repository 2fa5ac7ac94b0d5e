package fr.capemploi.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules every service keeps (see {@link ArchitectureRules}), for a service's {@code ArchitectureTest} to include
 * with {@code ArchTests.in(ServiceArchitecture.class)}; the layers are those of the service whose classes are analysed.
 */
public final class ServiceArchitecture {

    @ArchTest
    static final ArchRule domainIsFreeOfTheWeb = ArchitectureRules.domainIsFreeOfTheWeb();

    @ArchTest
    static final ArchRule servicesAreIndependent = ArchitectureRules.servicesAreIndependent();

    @ArchTest
    static final ArchRule noNativeQueryWithAResultClass = ArchitectureRules.noNativeQueryWithAResultClass();

    @ArchTest
    static void layersGoRestToServiceToDomain(JavaClasses classes) {
        Set<String> services = ArchitectureRules.SERVICES.stream()
                .filter(service -> classes.containPackage("fr.capemploi." + service))
                .collect(Collectors.toSet());
        if (services.size() != 1) {
            throw new AssertionError("the analysed classes should be one service's, they are of " + services);
        }
        ArchitectureRules.layersGoRestToServiceToDomain(services.iterator().next()).check(classes);
    }

    private ServiceArchitecture() {
    }
}
