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

/** The options of ./suite, refused before anything starts when they cannot work (exit 2, the reason, the usage). */
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
        assertThat(suite("up", "--instances")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("suite: Missing required parameter for option '--instances'");
        assertThat(suite("up", "--instances", "two")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("'two' is not an int");
        assertThat(suite("up", "--replicas", "3")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("Unknown options: '--replicas'").contains("usage: ./suite <command>");
    }

    @Test
    void demoOptionsGoWithTheDemo() {
        assertThat(suite("up", "--scale", "0.01")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("--scale, --seed, --concurrency and --timeout go with --demo");
        assertThat(suite("demo", "--scale", "7")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("--scale must be between");
        assertThat(suite("demo", "--concurrency", "0")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("--concurrency must be between 1 and 128");
    }

    @Test
    void theDemoNeedsARunningStack() {
        assertThat(suite("demo", "--scale", "0.01", "--seed", "7")).isEqualTo(1);
        assertThat(errors()).contains("no stack is running from " + data);
    }

    @Test
    void aTokenNamesAStructureByItsId() {
        assertThat(suite("token", "counsellor", "not-a-uuid")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("STRUCTURE_ID");
        assertThat(suite("token", "admin")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\\.")).hasSize(3);
    }

    @Test
    void aCounsellorTokenMayNameItsCounsellor() {
        String structure = "0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11";
        String counsellor = "5b1c7e02-33a9-4d7e-9f0e-2f6c1d8a4b20";
        assertThat(suite("token", "counsellor", structure, "--counsellor", counsellor)).isZero();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(
                out.toString(StandardCharsets.UTF_8).strip().split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"counsellor_id\":\"" + counsellor + "\"")
                .contains("\"structure_id\":\"" + structure + "\"");
        assertThat(suite("token", "counsellor", structure, "--counsellor", "claire")).isEqualTo(Main.USAGE);
    }

    @Test
    void statusAndDownWithoutAStackSaySo() {
        assertThat(suite("status")).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No stack is running from " + data);
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThat(suite("launch")).isEqualTo(Main.USAGE);
        assertThat(errors()).contains("launch");
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
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
