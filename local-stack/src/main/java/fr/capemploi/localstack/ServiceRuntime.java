package fr.capemploi.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK the services run on, which need not be the launcher's: the services' jars are compiled for 17, and the
 * machines this suite runs on have both the default OpenJDK 17 and Temurin's JDK 25. Chosen, in this order: the JDK
 * {@value #JAVA_HOME_VARIABLE} names; the launcher's own if it is {@value #PREFERRED_FEATURE} or later; Temurin's
 * {@value #PREFERRED_FEATURE} under {@code /usr/lib/jvm}; the oldest JDK of {@value #PREFERRED_FEATURE} or later
 * found there; else the launcher's own, which is logged.
 */
public record ServiceRuntime(Path javaHome, int featureVersion) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServiceRuntime.class);

    /** The environment variable that names the services' JDK (its home: the folder holding {@code bin/java}). */
    public static final String JAVA_HOME_VARIABLE = "SUITE_SERVICE_JAVA_HOME";

    /** Where Debian's and Temurin's packages install their JDKs. */
    static final Path MACHINE_JDKS = Path.of("/usr/lib/jvm");

    static final int PREFERRED_FEATURE = 25;

    static final String PREFERRED_FOLDER = "temurin-25-jdk-amd64";

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    /**
     * JDK 25's own options, put before the stack's (a later option of the same name wins, so
     * {@code SUITE_SERVICE_JAVA_OPTS} can still turn one off): see {@link #options(List)}.
     */
    static final List<String> JDK_25_OPTIONS = List.of("-XX:+UseCompactObjectHeaders");

    private static ServiceRuntime machine;

    /** This machine's choice, made once per launcher (see the class comment). */
    public static synchronized ServiceRuntime ofMachine() {
        if (machine == null) {
            machine = choose(System.getenv(), MACHINE_JDKS, currentJavaHome(), Runtime.version().feature());
        }
        return machine;
    }

    /** The launcher's own JDK. */
    public static ServiceRuntime current() {
        return new ServiceRuntime(currentJavaHome(), Runtime.version().feature());
    }

    static ServiceRuntime choose(Map<String, String> environment, Path machineJdks, Path currentHome,
                                 int currentFeature) {
        String explicit = environment.get(JAVA_HOME_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            Path home = Path.of(explicit.trim()).toAbsolutePath().normalize();
            if (!Files.isExecutable(java(home))) {
                throw new IllegalStateException(JAVA_HOME_VARIABLE + "=" + explicit + ": no bin/java there");
            }
            return new ServiceRuntime(home, featureVersion(home).orElse(0));
        }
        if (currentFeature >= PREFERRED_FEATURE) {
            return new ServiceRuntime(currentHome, currentFeature);
        }
        Path preferred = machineJdks.resolve(PREFERRED_FOLDER);
        Optional<Integer> preferredFeature = Files.isExecutable(java(preferred)) ? featureVersion(preferred)
                : Optional.empty();
        if (preferredFeature.filter(feature -> feature >= PREFERRED_FEATURE).isPresent()) {
            return new ServiceRuntime(preferred, preferredFeature.get());
        }
        Optional<ServiceRuntime> found = recentJdks(machineJdks).stream()
                .min(Comparator.<ServiceRuntime>comparingInt(ServiceRuntime::featureVersion)
                        .thenComparing(ServiceRuntime::javaHome));
        if (found.isPresent()) {
            return found.get();
        }
        LOG.info("the services run on the launcher's own JDK {} ({}): no JDK {}+ under {}; set {} to choose one",
                currentFeature, currentHome, PREFERRED_FEATURE, machineJdks, JAVA_HOME_VARIABLE);
        return new ServiceRuntime(currentHome, currentFeature);
    }

    private static List<ServiceRuntime> recentJdks(Path machineJdks) {
        List<ServiceRuntime> found = new ArrayList<>();
        if (!Files.isDirectory(machineJdks)) {
            return found;
        }
        try (Stream<Path> homes = Files.list(machineJdks)) {
            homes.filter(home -> Files.isExecutable(java(home)))
                    .forEach(home -> featureVersion(home).filter(feature -> feature >= PREFERRED_FEATURE)
                            .ifPresent(feature -> found.add(new ServiceRuntime(home, feature))));
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", machineJdks, e.toString());
        }
        return found;
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

    /** {@code stackOptions} preceded by this JDK's own options, which older JDKs would refuse to start with. */
    public List<String> options(List<String> stackOptions) {
        if (featureVersion < PREFERRED_FEATURE) {
            return stackOptions;
        }
        List<String> options = new ArrayList<>(JDK_25_OPTIONS);
        options.addAll(stackOptions);
        return List.copyOf(options);
    }

    @Override
    public String toString() {
        return "JDK " + featureVersion + " (" + javaHome + ")";
    }
}
