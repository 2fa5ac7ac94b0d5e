package fr.capemploi.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.reporting.repository.ProjectionSql;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementRoundsTest {

    private static final UUID ANNE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BRUNO = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void theSameStatementOfDifferentKeysGoesTogetherAndEachKeyKeepsItsOrder() {
        List<GenerationProjection.Queued> queued = List.of(
                queued(ANNE, "register", 1), queued(ANNE, "portfolio", 2),
                queued(BRUNO, "register", 3), queued(BRUNO, "portfolio", 4),
                queued(ANNE, "exit", 5), queued(ANNE, "portfolio", 6));

        List<String> sent = GenerationProjection.inRounds(queued).stream()
                .map(s -> s.sql() + s.parameters()[0]).toList();

        assertThat(sent).containsExactly("register1", "register3", "portfolio2", "portfolio4", "exit5",
                "portfolio6");
    }

    @Test
    void statementsWithoutKeyStayInTheirOrder() {
        List<GenerationProjection.Queued> queued = List.of(queued(null, "b", 1), queued(null, "a", 2),
                queued(null, "b", 3));

        assertThat(GenerationProjection.inRounds(queued).stream().map(s -> s.sql() + s.parameters()[0]).toList())
                .containsExactly("b1", "a2", "b3");
    }

    /**
     * A set-based statement's rows of one round (distinct keys) go as one statement, each parameter the array of the
     * rows' values in text form; a key's next row waits for its own round, after the key's statements before it.
     */
    @Test
    void theRowsOfASetBasedStatementInOneRoundGoAsOneStatementOverArrays() {
        Instant recorded = Instant.parse("2016-05-02T10:15:30.123456Z");
        List<GenerationProjection.Queued> queued = List.of(
                queued(ANNE, "register", 1), row(ANNE, "portfolio", ANNE, recorded, DayOfWeek.MONDAY),
                queued(BRUNO, "register", 3), row(BRUNO, "portfolio", BRUNO, null, LocalDate.of(2016, 5, 2)),
                queued(ANNE, "exit", 5), row(ANNE, "portfolio", ANNE, recorded, null));

        List<String> sent = GenerationProjection.inRounds(queued, "portfolio"::equals).stream()
                .map(s -> s.sql() + Arrays.deepToString(s.parameters())).toList();

        assertThat(sent).containsExactly("register[1]", "register[3]",
                "portfolio[[" + ANNE + ", " + BRUNO + "], [2016-05-02T10:15:30.123456Z, null], [MONDAY, 2016-05-02]]",
                "exit[5]",
                "portfolio[[" + ANNE + "], [2016-05-02T10:15:30.123456Z], [null]]");
    }

    private static GenerationProjection.Queued row(UUID key, String sql, Object... row) {
        return new GenerationProjection.Queued(key, new ProjectionSql.Statement(sql, row));
    }

    private static GenerationProjection.Queued queued(UUID key, String sql, int parameter) {
        return new GenerationProjection.Queued(key, new ProjectionSql.Statement(sql, new Object[] {parameter}));
    }
}
