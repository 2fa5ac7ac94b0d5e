package fr.capemploi.platform;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import fr.capemploi.platform.problem.ProblemMappers;
import fr.capemploi.testsupport.ArchitectureRules;
import fr.capemploi.testsupport.MainClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The platform's part of the services' rules (see {@link ArchitectureRules}), on its main classes. These tests run in
 * the platform-tests module, where platform is a dependency: its classes are read where the class path has them (its
 * jar, or its {@code target/classes}), not found by package, which searched every jar of the class path (about 8 s).
 */
@AnalyzeClasses(locations = ArchitectureTest.PlatformClasses.class)
class ArchitectureTest {

    /** The services' domains throw these: they must stay plain exceptions, their HTTP mapping elsewhere. */
    @ArchTest
    static final ArchRule problemExceptionsAreFreeOfTheWeb = ArchitectureRules.problemExceptionsAreFreeOfTheWeb();

    /** The platform is shared by all four services and knows none of them. */
    @ArchTest
    static final ArchRule platformKnowsNoService = ArchitectureRules.platformKnowsNoService();

    /** The directory's look-ups and every other query of the platform, run by each service on its write path. */
    @ArchTest
    static final ArchRule noNativeQueryWithAResultClass = ArchitectureRules.noNativeQueryWithAResultClass();

    /** The jar or folder the platform's main classes are loaded from. */
    static final class PlatformClasses implements LocationProvider {

        @Override
        public Set<Location> get(Class<?> testClass) {
            Path classes = MainClasses.loadedFrom(ProblemMappers.class);
            try {
                return Set.of(Files.isDirectory(classes) ? Location.of(classes) : Location.of(new JarFile(classes.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
