package fr.capemploi.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.regex.Pattern;

/** The one PostgreSQL server that holds the four service databases. */
public interface DatabaseServer extends AutoCloseable {

    void start();

    /** JDBC URL of one database on this server, as handed to a service in {@code DB_URL}. */
    String jdbcUrl(String database);

    String user();

    String password();

    /** Where the server is, for people: host:port and whether it is embedded. */
    String describe();

    /** Creates the databases that do not exist yet; the services create their own tables. */
    void ensureDatabases(Collection<String> databases);

    @Override
    void close();

    /** Shared by both implementations: CREATE DATABASE has no IF NOT EXISTS in PostgreSQL. */
    static void createMissing(Connection admin, Collection<String> databases) throws SQLException {
        Pattern safeName = Pattern.compile("[a-z_][a-z0-9_]*");
        try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement ddl = admin.createStatement()) {
            for (String database : databases) {
                if (!safeName.matcher(database).matches()) {
                    throw new IllegalArgumentException("unexpected database name: " + database);
                }
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                ddl.execute("CREATE DATABASE \"" + database + "\"");
            }
        }
    }
}
