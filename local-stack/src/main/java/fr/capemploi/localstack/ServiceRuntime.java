package fr.capemploi.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK the services run on: the one {@value #JAVA_HOME_VARIABLE} names, else the launcher's own. A variable of its
 * own so that one benchmark pair can run a stack on each of two JDKs from the same jars. Temurin's JDK 25, which every
 * machine of ours has beside the default OpenJDK 17, was measured against 17 that way and is not the default: the
 * services' resident memory was higher on 25 in every phase (cep-service's demo peak 349 against 337 MiB,
 * reporting-service's live catch-up 423-441 against 264-272, a rebuild's peak 443-462 against 423-438) for a CPU per
 * request within the noise under the demo (bench/JOURNAL.md, "The services on JDK 25").
 */
public record ServiceRuntime(Path javaHome, int featureVersion) {

    /** The environment variable that names the services' JDK (its home: the folder holding {@code bin/java}). */
    public static final String JAVA_HOME_VARIABLE = "SUITE_SERVICE_JAVA_HOME";

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    private static ServiceRuntime machine;

    /** The services' JDK as this launcher's environment chooses it, once per launcher. */
    public static synchronized ServiceRuntime ofMachine() {
        if (machine == null) {
            machine = choose(System.getenv(), currentJavaHome(), Runtime.version().feature());
        }
        return machine;
    }

    /** The launcher's own JDK. */
    public static ServiceRuntime current() {
        return new ServiceRuntime(currentJavaHome(), Runtime.version().feature());
    }

    static ServiceRuntime choose(Map<String, String> environment, Path currentHome, int currentFeature) {
        String named = environment.get(JAVA_HOME_VARIABLE);
        if (named == null || named.isBlank()) {
            return new ServiceRuntime(currentHome, currentFeature);
        }
        Path home = Path.of(named.trim()).toAbsolutePath().normalize();
        if (!Files.isExecutable(java(home))) {
            throw new IllegalStateException(JAVA_HOME_VARIABLE + "=" + named + ": no bin/java there");
        }
        return new ServiceRuntime(home, featureVersion(home).orElse(0));
    }

    /** The feature release a JDK's {@code release} file states ({@code JAVA_VERSION="25.0.3"}: 25). */
    static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static Path java(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /** The {@code java} binary the services are started with. */
    public Path java() {
        return java(javaHome);
    }

    @Override
    public String toString() {
        return "JDK " + featureVersion + " (" + javaHome + ")";
    }
}
