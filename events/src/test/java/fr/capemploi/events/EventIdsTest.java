package fr.capemploi.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * New events' ids are time-ordered (version 7): the keys they go into (processed-event log, outbox, fact tables)
 * compare them as PostgreSQL does, byte by byte, so ids made later must sort later there, and never repeat, whatever
 * the threads making them.
 */
class EventIdsTest {

    /** PostgreSQL's order of uuids: their 16 bytes compared unsigned, most significant first. */
    private static int databaseOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void aNewEventsIdIsVersion7AndCarriesTheTimeItWasMade() {
        long before = System.currentTimeMillis();
        UUID id = EventCodec.encode(EventContractTest.SAMPLES.values().iterator().next(), Instant.now(), "test",
                Clock.systemUTC()).eventId();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).as("its first 48 bits: Unix milliseconds")
                .isBetween(before, after);
    }

    @Test
    void idsMadeOneAfterTheOtherSortLaterInTheDatabase() {
        UUID previous = EventCodec.newEventId();
        for (int i = 0; i < 100_000; i++) {
            UUID next = EventCodec.envelope(EventContractTest.SAMPLES.values().iterator().next(), Instant.now(), "test",
                    Clock.systemUTC()).eventId();
            assertThat(databaseOrder(next, previous)).as("%s after %s", next, previous).isPositive();
            previous = next;
        }
    }

    @Test
    void idsMadeByManyThreadsAtOnceNeverRepeatAndKeepEachThreadsOrder() throws Exception {
        int threads = 8;
        int each = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<UUID>>> makers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                makers.add(() -> {
                    List<UUID> ids = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        ids.add(EventCodec.newEventId());
                    }
                    return ids;
                });
            }
            Set<UUID> all = new HashSet<>();
            for (Future<List<UUID>> made : pool.invokeAll(makers)) {
                List<UUID> ids = made.get();
                for (int i = 1; i < ids.size(); i++) {
                    assertThat(databaseOrder(ids.get(i), ids.get(i - 1))).isPositive();
                }
                all.addAll(ids);
            }
            assertThat(all).hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }
}
