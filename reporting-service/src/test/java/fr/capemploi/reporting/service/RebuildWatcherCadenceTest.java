package fr.capemploi.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rebuild's watcher looks every 250 ms while the lag falls slowly, sooner as the lag's fall says its end is near:
 * the rebuild no longer waits up to a whole look between its last batch and its finalisation.
 */
class RebuildWatcherCadenceTest {

    private static final long MS = 1_000_000;

    @Test
    void aFirstLookOrALagThatDidNotFallWaitsTheWholeCadence() {
        assertThat(ProjectionGenerations.nextLook(-1, 0, 90_000, 1_000 * MS)).isEqualTo(250);
        assertThat(ProjectionGenerations.nextLook(90_000, 750 * MS, 90_000, 1_000 * MS)).isEqualTo(250);
        assertThat(ProjectionGenerations.nextLook(80_000, 750 * MS, 90_000, 1_000 * MS)).isEqualTo(250);
    }

    @Test
    void aLagFallingToItsEndSoonerIsLookedAtWhenItShouldReachIt() {
        // 6,000 events in 250 ms: the 4,000 left take ~167 ms
        assertThat(ProjectionGenerations.nextLook(10_000, 750 * MS, 4_000, 1_000 * MS)).isEqualTo(166);
        // far behind, the cadence stays
        assertThat(ProjectionGenerations.nextLook(90_000, 750 * MS, 84_000, 1_000 * MS)).isEqualTo(250);
        // never more often than every 20 ms
        assertThat(ProjectionGenerations.nextLook(10_000, 750 * MS, 10, 1_000 * MS)).isEqualTo(20);
    }
}
