package fr.capemploi.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** What the console prints of an outage's repeated client-library messages. */
class OutageLogFilterTest {

    private final OutageLogFilter filter = new OutageLogFilter();

    @Test
    void retriableKafkaErrorsAreOneWarningWithoutStackTracePerOutage() {
        ExtLogRecord first = kafka(Level.SEVERE, "[Consumer clientId=a] Offset commit failed on partition t-1 at offset 12",
                new org.apache.kafka.common.errors.TimeoutException("timed out"));
        assertThat(filter.isLoggable(first)).isTrue();
        assertThat(first.getLevel().intValue()).isEqualTo(Level.WARNING.intValue());
        assertThat(first.getThrown()).isNull();
        ExtLogRecord repeat = kafka(Level.SEVERE, "[Consumer clientId=b] Offset commit failed on partition t-2 at offset 40",
                null);
        assertThat(filter.isLoggable(repeat)).isFalse();
    }

    @Test
    void aRebalanceListenerFailingOnTheDatabaseIsLoweredToo() {
        ExtLogRecord record = kafka(Level.SEVERE, "User provided listener failed on invocation of onPartitionsAssigned",
                new IllegalStateException(new SQLException("Connection refused", "08001", new ConnectException())));
        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getLevel().intValue()).isEqualTo(Level.WARNING.intValue());
    }

    @Test
    void otherKafkaErrorsAndOtherLoggersPassUnchanged() {
        ExtLogRecord record = kafka(Level.SEVERE, "Invalid configuration value for sasl.mechanism", null);
        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
        ExtLogRecord own = new ExtLogRecord(Level.SEVERE, "Unexpected error 1 on /x", "fr.capemploi.platform.problem.ProblemMappers");
        own.setLoggerName("fr.capemploi.platform.problem.ProblemMappers");
        assertThat(filter.isLoggable(own)).isTrue();
    }

    @Test
    void theOrmsConnectionErrorsAreDroppedAndItsOtherErrorsKept() {
        ExtLogRecord lost = new ExtLogRecord(Level.WARNING, "HHH000247: ErrorCode: %s, SQLState: %s",
                ExtLogRecord.FormatStyle.PRINTF, "org.hibernate.orm.jdbc.error");
        lost.setLoggerName("org.hibernate.orm.jdbc.error");
        lost.setParameters(new Object[] {0, "08001"});
        assertThat(filter.isLoggable(lost)).isFalse();
        ExtLogRecord unique = new ExtLogRecord(Level.WARNING, "HHH000247: ErrorCode: %s, SQLState: %s",
                ExtLogRecord.FormatStyle.PRINTF, "org.hibernate.orm.jdbc.error");
        unique.setLoggerName("org.hibernate.orm.jdbc.error");
        unique.setParameters(new Object[] {0, "23505"});
        assertThat(filter.isLoggable(unique)).isTrue();
    }

    @Test
    void flywaysOutOfOrderWarningBecomesAnExplanation() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING,
                "outOfOrder mode is active. Migration of schema \"public\" may not be reproducible.", "flyway");
        record.setLoggerName("org.flywaydb.core.internal.command.DbMigrate");
        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getLevel()).isEqualTo(Level.INFO);
        assertThat(record.getMessage()).contains("on purpose");
    }

    private static ExtLogRecord kafka(Level level, String message, Throwable thrown) {
        ExtLogRecord record = new ExtLogRecord(level, message, "org.slf4j.impl.Slf4jLogger");
        record.setLoggerName("org.apache.kafka.clients.consumer.internals.ConsumerCoordinator");
        record.setThrown(thrown);
        return record;
    }
}
