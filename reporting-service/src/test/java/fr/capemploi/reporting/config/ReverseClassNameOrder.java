package fr.capemploi.reporting.config;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The test classes in the reverse order of their names, within each Quarkus application (Quarkus keeps the classes
 * of one test profile together and orders them by this, its secondary orderer). JUnit offers names and random
 * orders only; run with {@code -DargLine=-Djunit.quarkus.orderer.secondary-orderer=fr.capemploi.reporting.config.ReverseClassNameOrder}
 * to show that no class relies on another having run before it (README, "Test data").
 */
public class ReverseClassNameOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(
                (ClassDescriptor descriptor) -> descriptor.getTestClass().getName()).reversed());
    }
}
