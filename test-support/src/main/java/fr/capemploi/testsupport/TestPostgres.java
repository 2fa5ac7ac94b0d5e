package fr.capemploi.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests: the one named by {@code TEST_DB_URL} (with {@code TEST_DB_USER} /
 * {@code TEST_DB_PASSWORD}) or else embedded PostgreSQL binaries started once per JVM. Every caller gets a
 * database of its own, so test suites never see each other's rows.
 */
public final class TestPostgres {

    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    public record Database(String jdbcUrl, String user, String password) {
    }

    public static synchronized Database newDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_');
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = envOr("TEST_DB_USER", "postgres");
            String password = envOr("TEST_DB_PASSWORD", "postgres");
            execute(external, user, password, "CREATE DATABASE " + name);
            return new Database(replaceDatabase(external, name), user, password);
        }
        EmbeddedPostgres server = server();
        String adminUrl = server.getJdbcUrl("postgres", "postgres");
        execute(adminUrl, "postgres", "postgres", "CREATE DATABASE " + name);
        return new Database(server.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    private static EmbeddedPostgres server() {
        if (embedded == null) {
            try {
                // a test database is thrown away with the JVM: durability would only cost CPU (zonky's defaults
                // already turn synchronous_commit off; without fsync, full-page images in the WAL protect nothing)
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data folder is temporary
                }
            }, "embedded-postgres-stop"));
        }
        return embedded;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database: " + sql, e);
        }
    }

    static String replaceDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
