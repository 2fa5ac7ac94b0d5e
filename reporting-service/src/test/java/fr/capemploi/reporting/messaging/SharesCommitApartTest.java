package fr.capemploi.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.Generation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replay channel commits a batch's projections' shares side by side only where the pre-aggregates' fold allows it
 * ({@link GenerationBatch#commitsApart}): with the fold {@code concurrent} each transaction only commits its notes, folded
 * later from every committed fact; {@code in-transaction}, two transactions folding one person at once would each miss
 * the other's facts, so a batch stays one transaction.
 */
class SharesCommitApartTest {

    @Test
    void everyProjectionOfAGenerationCommitsApartWhenTheFoldIsConcurrent() {
        assertThat(projections("concurrent")).hasSize(4).allMatch(EventProjection::commitsApart);
    }

    @Test
    void noneDoesWhenEachBatchFoldsBeforeItsCommit() {
        assertThat(projections("in-transaction")).hasSize(4).noneMatch(EventProjection::commitsApart);
    }

    private static List<EventProjection> projections(String fold) {
        PreAggregateFolds folds = new PreAggregateFolds(null, null, null, new SimpleMeterRegistry(), fold,
                Duration.ofSeconds(1));
        return new ReportingProjections(null, null, folds).of(Generation.numbered(7, Generation.State.BUILDING));
    }
}
