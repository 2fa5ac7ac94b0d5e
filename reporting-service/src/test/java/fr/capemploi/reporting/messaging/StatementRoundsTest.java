package fr.capemploi.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.reporting.repository.ProjectionSql;
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

    private static GenerationProjection.Queued queued(UUID key, String sql, int parameter) {
        return new GenerationProjection.Queued(key, new ProjectionSql.Statement(sql, new Object[] {parameter}));
    }
}
