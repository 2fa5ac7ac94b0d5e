package fr.capemploi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JDK the services run on: the one the variable names, else the launcher's. */
class ServiceRuntimeTest {

    @TempDir
    Path jvms;

    @Test
    void theJdkNamedByTheVariableIsTakenWithItsVersion() throws IOException {
        Path named = jdk("temurin-25-jdk-amd64", "25.0.3");

        ServiceRuntime runtime = ServiceRuntime.choose(Map.of(ServiceRuntime.JAVA_HOME_VARIABLE, named.toString()),
                jvms.resolve("launcher"), 17);

        assertThat(runtime).isEqualTo(new ServiceRuntime(named, 25));
        assertThat(runtime.java()).isEqualTo(named.resolve("bin/java"));
    }

    @Test
    void aNamedFolderWithoutJavaIsRefused() {
        assertThatThrownBy(() -> ServiceRuntime.choose(Map.of(ServiceRuntime.JAVA_HOME_VARIABLE,
                jvms.resolve("nothing").toString()), jvms.resolve("launcher"), 17))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ServiceRuntime.JAVA_HOME_VARIABLE).hasMessageContaining("no bin/java");
    }

    @Test
    void withoutTheVariableTheLaunchersOwnJdkIsKept() throws IOException {
        Path own = jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("temurin-25-jdk-amd64", "25.0.3");

        assertThat(ServiceRuntime.choose(Map.of(), own, 17)).isEqualTo(new ServiceRuntime(own, 17));
        assertThat(ServiceRuntime.choose(Map.of(ServiceRuntime.JAVA_HOME_VARIABLE, " "), own, 17))
                .isEqualTo(new ServiceRuntime(own, 17));
    }

    @Test
    void theReleaseFileGivesTheFeatureVersion() throws IOException {
        assertThat(ServiceRuntime.featureVersion(jdk("a", "25.0.3"))).contains(25);
        assertThat(ServiceRuntime.featureVersion(jdk("b", "1.8.0_452"))).contains(8);
        assertThat(ServiceRuntime.featureVersion(jdk("c", "26-ea"))).contains(26);
        assertThat(ServiceRuntime.featureVersion(jvms.resolve("none"))).isEmpty();
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
