package fr.capemploi.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What a service wrote to its outbox: the events the relay publishes. Counting rows there (rather than records on the
 * topic) proves an event was written exactly once without waiting for the relay.
 */
public final class OutboxRows {

    private OutboxRows() {
    }

    /** Events of {@code type} about {@code aggregateId} in the service's outbox. */
    public static long count(DataSource dataSource, String type, Object aggregateId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM outbox_event "
                        + "WHERE event_type = ? AND convert_from(envelope, 'UTF8') LIKE ?")) {
            query.setString(1, type);
            query.setString(2, "%\"aggregateId\":\"" + aggregateId + "\"%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox", e);
        }
    }
}
