package fr.capemploi.platform.problem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Tells a failure of the database server (down, restarting, unreachable, no connection left) from a bug, and logs an
 * outage once: a line when the first request fails and one when a probe connects again, instead of a stack trace per
 * request. While an outage lasts, {@link OutageLogFilter} drops the connection errors the pool and the ORM would log
 * for each request.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    /** Read by the log filter, which is not a bean; one database per service, so one flag per JVM. */
    private static volatile boolean active;

    private final AgroalDataSource dataSource;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private volatile boolean stopped;

    public DatabaseOutage(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static boolean active() {
        return active;
    }

    /** Whether {@code failure} (or one of its causes) says the database cannot be reached or used right now. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: server shutting down, crashed, not accepting yet;
                // 53300: too many connections
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.contains("acquisition timeout")) {
                    // the pool waited for a connection that could not be opened (Agroal sets no SQL state)
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} is the server rolling a transaction back because of another one (a deadlock or a
     * serialization failure, SQL state class 40): the same statements succeed when tried again, so such a failure
     * says nothing about the data being applied.
     */
    public static boolean isTransactionConflict(Throwable failure) {
        return hasSqlState(failure, state -> state.startsWith("40"));
    }

    /**
     * Whether {@code failure} is PostgreSQL stopping a statement that ran past its {@code statement_timeout} (SQL state
     * 57014, query_canceled): the request asked more than the service allows one statement, nothing is wrong with the
     * server.
     */
    public static boolean isStatementTimeout(Throwable failure) {
        return hasSqlState(failure, "57014"::equals);
    }

    /** Whether {@code failure} or one of its causes is an {@link SQLException} whose SQL state matches. */
    private static boolean hasSqlState(Throwable failure, Predicate<String> matches) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && matches.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Records a request that failed on the database; logs only the first of an outage and starts probing. */
    public void failed(Throwable failure, String path) {
        if (since.compareAndSet(null, Instant.now())) {
            active = true;
            LOG.warnf("Database unavailable (%s, first on %s): answering 503 with Retry-After until it is back",
                    rootMessage(failure), path);
            Thread probe = new Thread(this::probeUntilBack, "database-outage-probe");
            probe.setDaemon(true);
            probe.start();
        }
    }

    private void probeUntilBack() {
        while (!stopped) {
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (reachable()) {
                Instant started = since.getAndSet(null);
                active = false;
                LOG.infof("Database available again after %d s", Duration.between(started, Instant.now()).toSeconds());
                return;
            }
        }
    }

    /** Whether a connection can be opened and answers now (a still-down server: false). */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
    }

    /** The innermost cause, as one short line for a log. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
