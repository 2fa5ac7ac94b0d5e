package fr.capemploi.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new options of ./suite, refused before anything starts when they cannot work. */
class MainOptionsTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int suite(String... args) {
        return new Main(Map.of("SUITE_DATA_DIR", data.toString(), "SUITE_HOME", Path.of("..").toAbsolutePath()
                .normalize().toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    @Test
    void aClusterHasOneOrThreeBrokers() {
        assertThat(suite("up", "--brokers", "2")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("brokers: 1 or 3, not 2");
    }

    @Test
    void optionsNeedTheirNumber() {
        assertThatThrownBy(() -> suite("up", "--instances")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--instances needs a number");
        assertThatThrownBy(() -> suite("up", "--instances", "two")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--instances needs a number, not two");
        assertThatThrownBy(() -> suite("up", "--replicas", "3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option for up: --replicas");
    }

    @Test
    void restoreWithoutAnyBackupSaysSo() {
        assertThat(suite("restore")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no backup in " + data.resolve("backups"));
    }

    @Test
    void aFolderThatIsNoBackupIsRefused() {
        assertThatThrownBy(() -> EmbeddedDatabase.checkBackup(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a backup written by ./suite backup");
    }

    @Test
    void usageNamesTheNewCommands() {
        assertThat(suite("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--brokers 3", "--instances 2", "backup [DIR]",
                "restore [DIR]");
    }
}
