package fr.capemploi.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Which database failures a projection retries without counting them against the record: an unreachable server and
 * a transaction rolled back because of another one are not the record's fault; a constraint it breaks is.
 */
class DatabaseFailureKindsTest {

    @Test
    void aDeadlockOrASerializationFailureIsAConflictWithAnotherTransaction() {
        RuntimeException deadlock = new RuntimeException("apply failed",
                new SQLException("ERROR: deadlock detected", "40P01"));
        RuntimeException serialization = new RuntimeException(new SQLException("could not serialize", "40001"));

        assertThat(DatabaseOutage.isTransactionConflict(deadlock)).isTrue();
        assertThat(DatabaseOutage.isTransactionConflict(serialization)).isTrue();
        assertThat(DatabaseOutage.isUnavailable(deadlock)).isFalse();
    }

    @Test
    void aBrokenConstraintOrALostConnectionIsNot() {
        RuntimeException constraint = new RuntimeException(new SQLException("duplicate key", "23505"));
        RuntimeException lost = new RuntimeException(new SQLException("connection reset", "08006"));
        RuntimeException noState = new RuntimeException(new SQLException("no state"));

        assertThat(DatabaseOutage.isTransactionConflict(constraint)).isFalse();
        assertThat(DatabaseOutage.isTransactionConflict(lost)).isFalse();
        assertThat(DatabaseOutage.isTransactionConflict(noState)).isFalse();
        assertThat(DatabaseOutage.isUnavailable(lost)).isTrue();
    }

    @Test
    void aStatementStoppedAtItsTimeLimitIsATimeoutNeitherAnOutageNorAConflict() {
        RuntimeException timeout = new IllegalStateException("read failed",
                new SQLException("ERROR: canceling statement due to statement timeout", "57014"));

        assertThat(DatabaseOutage.isStatementTimeout(timeout)).isTrue();
        assertThat(DatabaseOutage.isUnavailable(timeout)).isFalse();
        assertThat(DatabaseOutage.isTransactionConflict(timeout)).isFalse();
        assertThat(DatabaseOutage.isStatementTimeout(new RuntimeException(new SQLException("x", "57P01")))).isFalse();
    }
}
