package fr.capemploi.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldIntervalTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aGenerationsFirstFoldStartsAtOnce() {
        assertThat(PreAggregateFolds.untilNextFold(null, 5 * SECOND, SECOND)).isZero();
    }

    @Test
    void anAskWithinTheIntervalWaitsForWhatIsLeftOfIt() {
        assertThat(PreAggregateFolds.untilNextFold(10 * SECOND, 10 * SECOND + SECOND / 4, SECOND))
                .isEqualTo(3 * SECOND / 4);
        assertThat(PreAggregateFolds.untilNextFold(10 * SECOND, 10 * SECOND, SECOND)).isEqualTo(SECOND);
    }

    @Test
    void anAskOnceTheIntervalHasPassedFoldsAtOnce() {
        assertThat(PreAggregateFolds.untilNextFold(10 * SECOND, 11 * SECOND, SECOND)).isZero();
        assertThat(PreAggregateFolds.untilNextFold(10 * SECOND, 60 * SECOND, SECOND)).isZero();
    }

    @Test
    void noIntervalFoldsEveryAskAtOnce() {
        assertThat(PreAggregateFolds.untilNextFold(10 * SECOND, 10 * SECOND, 0)).isZero();
    }

    @Test
    void nanoTimesThatWrapAroundStillCount() {
        // System.nanoTime() may be negative and wrap: only differences are meaningful
        long start = Long.MAX_VALUE - SECOND / 2;
        assertThat(PreAggregateFolds.untilNextFold(start, start + SECOND / 4, SECOND)).isEqualTo(3 * SECOND / 4);
    }
}
