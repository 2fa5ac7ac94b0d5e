package fr.capemploi.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.platform.problem.UnknownReferenceException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The one check of a reference to a record another service announces, alone (plain JUnit, no application): what is
 * waited for and what is refused at once. The services' tests prove it is wired to their tables and topics.
 */
class DirectoryReferencesTest {

    private static final UUID STRUCTURE = UUID.randomUUID();

    private record Entry(UUID structureId, String person) implements DirectoryEntry {
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DirectoryReferences references = new DirectoryReferences(Duration.ofMillis(300),
            Duration.ofMillis(10), meters, new DirectoryReferences.Transactions() {
                @Override
                public <T> T inNew(java.util.function.Supplier<T> work) {
                    return work.get();
                }
            });

    /** A table in which the record appears after {@code absentLooks} looks; counts the looks. */
    private static final class Table implements Function<UUID, Optional<Entry>> {
        final AtomicInteger looks = new AtomicInteger();
        private final int absentLooks;
        private final Entry entry;

        Table(int absentLooks, Entry entry) {
            this.absentLooks = absentLooks;
            this.entry = entry;
        }

        @Override
        public Optional<Entry> apply(UUID id) {
            return looks.incrementAndGet() > absentLooks ? Optional.ofNullable(entry) : Optional.empty();
        }
    }

    @Test
    void aRecordOfTheCallersStructureIsAcceptedAtTheFirstLook() {
        Table table = new Table(0, new Entry(STRUCTURE, "a"));

        references.require("counsellorId", "Counsellor", UUID.randomUUID(), STRUCTURE, table);

        assertThat(table.looks).hasValue(1);
    }

    @Test
    void aRecordAnnouncedDuringTheWaitIsAccepted() {
        Table table = new Table(3, new Entry(STRUCTURE, "a"));

        references.require("beneficiaryId", "Beneficiary", UUID.randomUUID(), STRUCTURE, table);

        assertThat(table.looks).hasValue(4);
        assertThat(references.waiting()).isZero();
    }

    @Test
    void aRecordStillUnknownAfterTheWaitIsRefusedNamingTheField() {
        Table table = new Table(Integer.MAX_VALUE, null);
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> references.require("counsellorId", "Counsellor", id, STRUCTURE, table))
                .isInstanceOfSatisfying(UnknownReferenceException.class, e -> {
                    assertThat(e.field()).isEqualTo("counsellorId");
                    assertThat(e.getMessage()).isEqualTo("Counsellor " + id + " is not known in your structure");
                });
        // it looked again while it waited, and waits no more
        assertThat(table.looks.get()).isGreaterThan(1);
        assertThat(references.waiting()).isZero();
        assertThat(meters.get("cepcpf.directory.arrival.waiting").gauge().value()).isZero();
    }

    @Test
    void anotherStructuresRecordIsRefusedAtOnceLikeAnUnknownOne() {
        Table table = new Table(0, new Entry(UUID.randomUUID(), "a"));

        assertThatThrownBy(() -> references.require("beneficiaryId", "Beneficiary", UUID.randomUUID(), STRUCTURE,
                table)).isInstanceOf(UnknownReferenceException.class).hasMessageContaining("not known in your structure");
        assertThat(table.looks).hasValue(1);
    }

    @Test
    void aKnownRecordFailingTheFurtherConditionIsRefusedAtOnce() {
        Table table = new Table(0, new Entry(STRUCTURE, "someone else"));

        assertThatThrownBy(() -> references.require("cpfTrainingProjectId", "CPF training project", UUID.randomUUID(),
                STRUCTURE, table, entry -> entry.person().equals("the person of the plan")))
                .isInstanceOf(UnknownReferenceException.class);
        assertThat(table.looks).hasValue(1);
    }

    @Test
    void anOptionalFieldLeftOutIsNotLookedUp() {
        Table table = new Table(0, null);

        references.require("counsellorId", "Counsellor", null, STRUCTURE, table);

        assertThat(table.looks).hasValue(0);
    }
}
