package fr.capemploi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JDK the services run on, on machines laid out as ours are (JDKs side by side under one folder). */
class ServiceRuntimeTest {

    @TempDir
    Path jvms;

    @Test
    void theJdkNamedByTheVariableWinsWhateverItsVersion() throws IOException {
        Path named = jdk("java-21-openjdk-amd64", "21.0.7");
        jdk(ServiceRuntime.PREFERRED_FOLDER, "25.0.3");

        ServiceRuntime runtime = ServiceRuntime.choose(Map.of(ServiceRuntime.JAVA_HOME_VARIABLE, named.toString()),
                jvms, jvms.resolve("launcher"), 17);

        assertThat(runtime).isEqualTo(new ServiceRuntime(named, 21));
        assertThat(runtime.java()).isEqualTo(named.resolve("bin/java"));
    }

    @Test
    void aNamedFolderWithoutJavaIsRefused() {
        assertThatThrownBy(() -> ServiceRuntime.choose(Map.of(ServiceRuntime.JAVA_HOME_VARIABLE,
                jvms.resolve("nothing").toString()), jvms, jvms.resolve("launcher"), 17))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ServiceRuntime.JAVA_HOME_VARIABLE).hasMessageContaining("no bin/java");
    }

    @Test
    void aLauncherOnJdk25OrLaterKeepsItsOwn() throws IOException {
        jdk(ServiceRuntime.PREFERRED_FOLDER, "25.0.3");
        Path launcher = jvms.resolve("elsewhere");

        assertThat(ServiceRuntime.choose(Map.of(), jvms, launcher, 26)).isEqualTo(new ServiceRuntime(launcher, 26));
    }

    @Test
    void temurin25IsPreferredOverAnyOtherRecentJdk() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("a-jdk-25", "25.0.1");
        Path temurin = jdk(ServiceRuntime.PREFERRED_FOLDER, "25.0.3");

        assertThat(ServiceRuntime.choose(Map.of(), jvms, jvms.resolve("java-17-openjdk-amd64"), 17))
                .isEqualTo(new ServiceRuntime(temurin, 25));
    }

    @Test
    void withoutTemurinTheOldestJdkOf25OrLaterIsTaken() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("jdk-26", "26-ea");
        Path jdk25 = jdk("zulu-25", "25.0.2");
        Files.createDirectories(jvms.resolve("jdk-27-without-java"));
        Files.writeString(jvms.resolve("jdk-27-without-java/release"), "JAVA_VERSION=\"27\"\n");

        assertThat(ServiceRuntime.choose(Map.of(), jvms, jvms.resolve("java-17-openjdk-amd64"), 17))
                .isEqualTo(new ServiceRuntime(jdk25, 25));
    }

    @Test
    void withoutAnyJdk25TheLaunchersOwnIsKept() throws IOException {
        Path own = jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("java-1.8.0-openjdk-amd64", "1.8.0_452");

        assertThat(ServiceRuntime.choose(Map.of(), jvms, own, 17)).isEqualTo(new ServiceRuntime(own, 17));
        assertThat(ServiceRuntime.choose(Map.of(), jvms.resolve("missing"), own, 17))
                .isEqualTo(new ServiceRuntime(own, 17));
    }

    @Test
    void theReleaseFileGivesTheFeatureVersion() throws IOException {
        assertThat(ServiceRuntime.featureVersion(jdk("a", "25.0.3"))).contains(25);
        assertThat(ServiceRuntime.featureVersion(jdk("b", "1.8.0_452"))).contains(8);
        assertThat(ServiceRuntime.featureVersion(jdk("c", "26-ea"))).contains(26);
        assertThat(ServiceRuntime.featureVersion(jvms.resolve("none"))).isEmpty();
    }

    /** JDK 25's own options come first, so that the stack's options (later on the command line) can override them. */
    @Test
    void onlyJdk25AndLaterGetTheirOwnOptionsFirst() {
        List<String> stack = List.of("-Xmx256m", "-XX:-UseCompactObjectHeaders");

        assertThat(new ServiceRuntime(jvms, 25).options(stack))
                .startsWith(ServiceRuntime.JDK_25_OPTIONS.toArray(String[]::new)).endsWith("-Xmx256m",
                        "-XX:-UseCompactObjectHeaders");
        assertThat(new ServiceRuntime(jvms, 17).options(stack)).isEqualTo(stack);
    }

    /** A JDK as its packages install one: {@code bin/java} and the {@code release} file. */
    private Path jdk(String folder, String version) throws IOException {
        Path home = jvms.resolve(folder);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
