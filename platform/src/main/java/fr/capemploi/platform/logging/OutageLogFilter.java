package fr.capemploi.platform.logging;

import fr.capemploi.platform.problem.DatabaseOutage;
import io.quarkus.logging.LoggingFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Keeps the logs of an outage readable for whoever is on call: what a client library repeats on every attempt while
 * the broker or the database is away is logged once per outage, at WARN at most; the platform logs its own concise
 * line for the outage (the relay's back-off, {@link DatabaseOutage}).
 * <ul>
 * <li>Kafka clients: errors they retry by themselves (connection lost, coordinator gone, offset commit or request
 * timed out) are lowered to WARN; a message of the same kind repeated within {@link #QUIET_PERIOD_MILLIS} of the
 * previous one is dropped, so a continuous outage shows once and a new outage after a quiet minute shows again.</li>
 * <li>The connection pool, the ORM and the transaction manager: their per-request connection errors are dropped (the
 * 503 answers say it to clients, {@link DatabaseOutage}'s line to operators).</li>
 * <li>The platform's own back-off warnings (relay, projection channels): the first of a run of repeats only.</li>
 * <li>Flyway's "outOfOrder mode is active" warning on every start is replaced by an INFO line saying why it is on.</li>
 * </ul>
 */
@LoggingFilter(name = "platform-outages")
public final class OutageLogFilter implements Filter {

    static final long QUIET_PERIOD_MILLIS = 60_000;
    private static final Pattern RETRIABLE = Pattern.compile(
            "(?i)retriable|could not be established|disconnect|timed? ?out|coordinator|not available|"
                    + "offset commit failed|connection refused|broker may not be available|node .* unavailable");
    private static final Pattern CONNECTION_LOST = Pattern.compile(
            "(?i)SQLState: (08|57P)|I/O error|connection .*refused|connection has been closed|acquisition timeout|"
                    + "terminating connection|the database system is (starting|shutting) ");
    /** What varies between two repeats of one message: client ids, addresses, numbers, the quoted cause. */
    private static final Pattern VOLATILE_PARTS = Pattern.compile("\\[[^]]*]|\\([^)]*\\)|[0-9]+");
    private static final String FLYWAY_OUT_OF_ORDER = "outOfOrder mode is active";

    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        String message = record.getMessage() == null ? "" : record.getMessage();
        if (logger.startsWith("org.apache.kafka")) {
            return kafka(record, logger, message);
        }
        if (logger.startsWith("org.flywaydb") && message.contains(FLYWAY_OUT_OF_ORDER)) {
            record.setLevel(Level.INFO);
            record.setMessage("Flyway runs out of order on purpose: the platform's migrations (V0_n) and the "
                    + "service's own (V1, V2...) are two independent series, so a platform migration released after "
                    + "a service's V2 must still apply to that database (platform README, 'Migrations')");
            record.setParameters(null);
            return true;
        }
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            return true;
        }
        if (logger.startsWith("io.agroal") || logger.startsWith("org.hibernate.orm.jdbc")
                || logger.startsWith("org.hibernate.engine.jdbc") || logger.startsWith("com.arjuna")) {
            // the pool, the ORM and the transaction manager each log a lost connection on every request
            return !(DatabaseOutage.active() || connectionFailure(record, message));
        }
        if (logger.startsWith("fr.capemploi.platform") && message.contains("retrying in")) {
            // the relay and the projection channels say when they start backing off, not at every attempt
            return firstOfOutage(logger, message);
        }
        return true;
    }

    private static boolean connectionFailure(LogRecord record, String message) {
        if (record.getThrown() != null && DatabaseOutage.isUnavailable(record.getThrown())) {
            return true;
        }
        // the ORM logs "SQLState: {1}" with the state as a parameter: read the message as it will be printed
        StringBuilder text = new StringBuilder(record instanceof org.jboss.logmanager.ExtLogRecord ext
                && ext.getFormattedMessage() != null ? ext.getFormattedMessage() : message);
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                if (parameter instanceof Throwable thrown && DatabaseOutage.isUnavailable(thrown)) {
                    return true;
                }
                text.append(' ').append(parameter);
            }
        }
        return CONNECTION_LOST.matcher(text).find();
    }

    private boolean firstOfOutage(String logger, String message) {
        String kind = logger + ':' + VOLATILE_PARTS.matcher(message).replaceAll("");
        long now = System.currentTimeMillis();
        Long previous = lastSeen.put(kind, now);
        return previous == null || now - previous > QUIET_PERIOD_MILLIS;
    }

    private boolean kafka(LogRecord record, String logger, String message) {
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            return true;
        }
        boolean retriable = RETRIABLE.matcher(message).find()
                // our rebalance listener reads the stored positions: while the database is away it fails, and the
                // connector retries the assignment once it answers
                || record.getThrown() != null && DatabaseOutage.isUnavailable(record.getThrown())
                || record.getThrown() != null && record.getThrown().getClass().getName().contains("Retriable")
                || record.getThrown() instanceof org.apache.kafka.common.errors.RetriableException;
        if (!retriable) {
            return true;
        }
        if (record.getLevel().intValue() > Level.WARNING.intValue()) {
            record.setLevel(Level.WARNING);
        }
        // no stack trace for a failure the client retries by itself
        record.setThrown(null);
        return firstOfOutage(logger, message);
    }
}
