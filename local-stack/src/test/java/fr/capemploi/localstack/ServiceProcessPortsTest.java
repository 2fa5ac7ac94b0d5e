package fr.capemploi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service's port taken between the moment the launcher picked it free and the moment the service binds it (another
 * stack started beside this one took it): the start is tried again on other ports instead of failing the stack.
 */
class ServiceProcessPortsTest {

    private static final Duration READY = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private final FreePorts freePorts = new FreePorts();
    private final List<String> states = new CopyOnWriteArrayList<>();
    private ServerSocket squatter;
    private ServiceProcess process;

    @BeforeEach
    void occupyAPort() throws IOException {
        squatter = new ServerSocket();
        squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() throws IOException {
        if (process != null) {
            process.stop();
        }
        squatter.close();
    }

    /** The port the launcher gives the service is taken by the time it binds: the API port or the management one. */
    @ParameterizedTest(name = "taken: the {0} port")
    @ValueSource(strings = {"management", "API"})
    void aPortTakenMeanwhileIsReplacedAndTheStartTriedAgain(String which) throws IOException {
        int taken = squatter.getLocalPort();
        int free = freePorts.next();
        boolean management = which.equals("management");
        process = management ? service(free, taken, freePorts::next) : service(taken, free, freePorts::next);

        process.start();
        process.awaitReady(READY);

        assertThat(process.isReady()).isTrue();
        int moved = management ? process.managementUri().getPort() : process.port();
        int kept = management ? process.port() : process.managementUri().getPort();
        assertThat(moved).isNotEqualTo(taken);
        assertThat(kept).as("the other port was free: it stays").isEqualTo(free);
        assertThat(Files.readString(process.logFile())).contains("Port " + taken + " seems to be in use");
        assertThat(states).as("a start tried again is no failure").doesNotContain("FAILED")
                .containsSubsequence("STARTING", "STARTING", "READY");
    }

    @Test
    void portsChosenByTheOperatorAreKeptAndTheStartFailsNamingTheTakenOne() throws IOException {
        int taken = squatter.getLocalPort();
        process = service(freePorts.next(), taken, null);

        process.start();

        assertThatThrownBy(() -> process.awaitReady(READY))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("exited during start-up")
                .hasMessageContaining("Port " + taken + " seems to be in use");
        assertThat(process.managementUri().getPort()).isEqualTo(taken);
        assertThat(states).contains("FAILED");
    }

    /**
     * The service runs on the machine's chosen JDK ({@link ServiceRuntime}), not necessarily the launcher's, and
     * glibc's arenas are bounded in its environment unless the launcher's own environment says otherwise.
     */
    @Test
    void theServiceRunsOnTheChosenJdkWithTheNativeEnvironment() throws IOException {
        process = service(freePorts.next(), freePorts.next(), null);

        process.start();
        process.awaitReady(READY);

        assertThat(process.runtime()).isEqualTo(ServiceRuntime.ofMachine());
        assertThat(Path.of("/proc", Long.toString(process.pid()), "exe").toRealPath())
                .isEqualTo(ServiceRuntime.ofMachine().java().toRealPath());
        String environment = Files.readString(Path.of("/proc", Long.toString(process.pid()), "environ"));
        ServiceProcess.DEFAULT_NATIVE_ENVIRONMENT.forEach((variable, value) -> assertThat(environment.split("\0"))
                .contains(variable + "=" + (System.getenv(variable) == null ? value : System.getenv(variable))));
    }

    @Test
    void theLogTellsWhichPortWasTaken() {
        Set<Integer> ours = Set.of(8084, 9084);
        assertThat(TakenPorts.named("Port 9084 seems to be in use by another process.", ours)).containsOnly(9084);
        assertThat(TakenPorts.named("QuarkusBindException: Port(s) already bound: 8084, 9084", ours))
                .containsOnly(8084, 9084);
        assertThat(TakenPorts.named("Unable to bind to host: 127.0.0.1 and port: 8084", ours)).containsOnly(8084);
        assertThat(TakenPorts.named("java.net.BindException: Address already in use", ours))
                .as("a port not named: both move").containsOnly(8084, 9084);
        assertThat(TakenPorts.named("Port 5432 seems to be in use", ours)).as("not one of ours").isEmpty();
        assertThat(TakenPorts.named("Unable to connect to the database", ours)).isEmpty();
    }

    private ServiceProcess service(int port, int managementPort, IntSupplier otherPorts) throws IOException {
        Path jar = fakeServiceJar();
        return new ServiceProcess(SuiteService.BENEFICIARY, 2, jar, port, managementPort, otherPorts, Map.of(),
                List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"), ServiceRuntime.ofMachine(),
                home.resolve("logs/service.log"), home.resolve("run/service.pid"), home.resolve("work"),
                "-Dsuite.test=" + home,
                (component, state, detail) -> states.add(state.name()));
    }

    /** A jar whose main class is {@link PortHoldingService}: what the launcher runs with {@code java -jar}. */
    private Path fakeServiceJar() throws IOException {
        Path jar = home.resolve("service.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PortHoldingService.class.getName());
        String entry = PortHoldingService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = PortHoldingService.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
