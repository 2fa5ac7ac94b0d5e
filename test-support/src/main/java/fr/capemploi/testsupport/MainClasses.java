package fr.capemploi.testsupport;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The main classes of the module whose architecture test runs: {@code target/classes}, beside the test's own
 * {@code target/test-classes}. Naming the folder spares ArchUnit a search of every jar on the class path for the
 * package (about 15 s per module).
 */
public final class MainClasses implements LocationProvider {

    @Override
    public Set<Location> get(Class<?> testClass) {
        Path testClasses = loadedFrom(testClass);
        Path mainClasses = testClasses.resolveSibling("classes");
        if (!Files.isDirectory(mainClasses)) {
            throw new IllegalStateException("No main classes beside " + testClasses);
        }
        return Set.of(Location.of(mainClasses));
    }

    /** The folder or jar {@code type} was loaded from. */
    public static Path loadedFrom(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
