package fr.capemploi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's PostgreSQL runs with the settings chosen for it (shared buffers, WAL buffers, checkpoint spacing) and
 * with its durability on; a profile's {@code SUITE_PG_SETTINGS} adds to them and may change ours, never durability.
 */
class EmbeddedDatabaseSettingsTest {

    @TempDir
    Path folder;

    @Test
    void theServerRunsWithTheChosenSettingsAndDurability() throws Exception {
        EmbeddedDatabase database = new EmbeddedDatabase(folder.resolve("data"), null, folder.resolve("postgres.log"),
                new FreePorts().next());
        database.start();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            Map<String, String> running = new LinkedHashMap<>();
            for (String name : EmbeddedDatabase.serverSettings(null).keySet()) {
                try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
                    rs.next();
                    running.put(name, rs.getString(1));
                }
            }
            assertThat(running).isEqualTo(Map.of("shared_buffers", "512MB", "wal_buffers", "16MB",
                    "max_wal_size", "4GB", "checkpoint_timeout", "15min",
                    "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));
        } finally {
            database.close();
        }
    }

    @Test
    void aProfileAddsAndChangesSettingsButNeverDurability() {
        Map<String, String> settings = EmbeddedDatabase.serverSettings(
                " shared_preload_libraries=pg_stat_statements  max_wal_size=1GB fsync=off ");
        assertThat(settings).containsEntry("shared_preload_libraries", "pg_stat_statements")
                .containsEntry("max_wal_size", "1GB")
                .containsEntry("shared_buffers", "512MB")
                .containsEntry("fsync", "on");
        assertThat(EmbeddedDatabase.serverSettings("")).isEqualTo(EmbeddedDatabase.serverSettings(null));
    }
}
