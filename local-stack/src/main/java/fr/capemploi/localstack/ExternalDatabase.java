package fr.capemploi.localstack;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A PostgreSQL server the user already runs (SUITE_DB_URL). The databases are created there if the user may;
 * otherwise they must exist already.
 */
public final class ExternalDatabase implements DatabaseServer {

    private static final String PREFIX = "jdbc:postgresql://";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String authority;
    private final String query;

    /**
     * @param url any JDBC URL of the server, e.g. {@code jdbc:postgresql://db.example:5432/postgres}; its
     *            database is only used to connect and create the others
     */
    public ExternalDatabase(String url, String user, String password) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("SUITE_DB_URL must start with " + PREFIX + ": " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        if (uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("SUITE_DB_URL has no host: " + url);
        }
        this.adminUrl = url;
        this.user = user;
        this.password = password == null ? "" : password;
        this.authority = uri.getRawAuthority();
        this.query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    }

    @Override
    public void start() {
        // nothing to start: the server belongs to the user
    }

    @Override
    public String jdbcUrl(String database) {
        return PREFIX + authority + "/" + database + query;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String describe() {
        return authority + " (external)";
    }

    @Override
    public void ensureDatabases(Collection<String> databases) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password)) {
            DatabaseServer.createMissing(admin, databases);
        } catch (SQLException e) {
            throw new StackStartException("cannot reach or prepare the databases " + databases + " on " + authority
                    + " as " + user + ": " + e.getMessage()
                    + " (create them beforehand if this user may not)", e);
        }
    }

    @Override
    public void close() {
        // the server outlives the stack
    }
}
