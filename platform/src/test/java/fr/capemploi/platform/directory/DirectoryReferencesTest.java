package fr.capemploi.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.platform.problem.UnknownReferenceException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    /** Work to run when the projection's transaction ends, as the registry of a real transaction would. */
    private final List<Runnable> atTransactionEnd = new ArrayList<>();
    private boolean inTransaction;

    /**
     * Waits up to a minute: a record that appears during the wait must be seen whatever the machine's load (with 300 ms,
     * the third look of a waited-for record came after the deadline at load 65). Only the refusal after the whole wait
     * uses {@link #impatient}.
     */
    private final DirectoryReferences references = directory(Duration.ofMinutes(1), meters);
    private final SimpleMeterRegistry impatientMeters = new SimpleMeterRegistry();
    private final DirectoryReferences impatient = directory(Duration.ofMillis(300), impatientMeters);

    private DirectoryReferences directory(Duration arrivalTimeout, SimpleMeterRegistry registry) {
        return new DirectoryReferences(arrivalTimeout, Duration.ofMillis(10), Duration.ofMinutes(10), registry,
                new DirectoryReferences.Transactions() {
                    @Override
                    public <T> T inNew(java.util.function.Supplier<T> work) {
                        return work.get();
                    }

                    @Override
                    public void afterEnd(Runnable then) {
                        if (inTransaction) {
                            atTransactionEnd.add(then);
                        } else {
                            then.run();
                        }
                    }
                });
    }

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

        assertThatThrownBy(() -> impatient.require("counsellorId", "Counsellor", id, STRUCTURE, table))
                .isInstanceOfSatisfying(UnknownReferenceException.class, e -> {
                    assertThat(e.field()).isEqualTo("counsellorId");
                    assertThat(e.getMessage()).isEqualTo("Counsellor " + id + " is not known in your structure");
                });
        // it looked again while it waited, and waits no more
        assertThat(table.looks.get()).isGreaterThan(1);
        assertThat(impatient.waiting()).isZero();
        assertThat(impatientMeters.get("cepcpf.directory.arrival.waiting").gauge().value()).isZero();
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

    /** A table whose row can change between looks, like the service's table under its projection. */
    private static final class MovingTable implements Function<UUID, Optional<Entry>> {
        final AtomicInteger looks = new AtomicInteger();
        volatile Entry entry;
        /** Runs during the next look, after the row was read: a change committed while the look is under way. */
        volatile Runnable duringNextLook;

        MovingTable(Entry entry) {
            this.entry = entry;
        }

        @Override
        public Optional<Entry> apply(UUID id) {
            looks.incrementAndGet();
            Optional<Entry> read = Optional.ofNullable(entry);
            Runnable during = duringNextLook;
            duringNextLook = null;
            if (during != null) {
                during.run();
            }
            return read;
        }
    }

    @Test
    void aRecordFoundInTheCallersStructureIsNotLookedUpAgain() {
        MovingTable table = new MovingTable(new Entry(STRUCTURE, "a"));
        UUID id = UUID.randomUUID();

        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);
        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);
        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);

        assertThat(table.looks).hasValue(1);
    }

    @Test
    void aRecordForgottenIsLookedUpAgainOnlyOnceItsChangeIsCommitted() {
        UUID elsewhere = UUID.randomUUID();
        MovingTable table = new MovingTable(new Entry(STRUCTURE, "a"));
        UUID id = UUID.randomUUID();
        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);

        // the projection moves the counsellor: its transaction has not committed yet, the row still reads as before
        inTransaction = true;
        references.forget("Counsellor", id);
        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);
        assertThat(table.looks).hasValue(1);
        // committed
        table.entry = new Entry(elsewhere, "a");
        inTransaction = false;
        atTransactionEnd.forEach(Runnable::run);

        assertThatThrownBy(() -> references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table))
                .isInstanceOf(UnknownReferenceException.class);
        references.requireRemembered("counsellorId", "Counsellor", id, elsewhere, table);
        references.requireRemembered("counsellorId", "Counsellor", id, elsewhere, table);
        assertThat(table.looks).hasValue(3);
    }

    @Test
    void aLookOverlappedByAForgetIsNotRemembered() {
        MovingTable table = new MovingTable(new Entry(STRUCTURE, "a"));
        UUID id = UUID.randomUUID();
        // the look reads the row as it was, then the change commits and is forgotten before the look ends
        table.duringNextLook = () -> {
            table.entry = new Entry(UUID.randomUUID(), "a");
            references.forget("Counsellor", id);
        };
        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);

        assertThatThrownBy(() -> references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table))
                .isInstanceOf(UnknownReferenceException.class);
        assertThat(table.looks).hasValue(2);
    }

    @Test
    void anotherStructuresRecordIsLookedUpEveryTimeAndAnUnknownOneWaitedFor() {
        MovingTable table = new MovingTable(new Entry(UUID.randomUUID(), "a"));
        UUID id = UUID.randomUUID();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table))
                    .isInstanceOf(UnknownReferenceException.class);
        }
        assertThat(table.looks).hasValue(2);

        // moved into the caller's structure: accepted at the next look although refused before
        table.entry = new Entry(STRUCTURE, "a");
        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);
        assertThat(table.looks).hasValue(3);

        Table unknown = new Table(2, new Entry(STRUCTURE, "b"));
        references.requireRemembered("beneficiaryId", "Beneficiary", UUID.randomUUID(), STRUCTURE, unknown);
        assertThat(unknown.looks).hasValue(3);
    }

    @Test
    void aRememberedRecordIsOfItsKindOnly() {
        MovingTable table = new MovingTable(new Entry(STRUCTURE, "a"));
        UUID id = UUID.randomUUID();
        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);

        references.forget("Beneficiary", id);
        references.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);
        references.requireRemembered("beneficiaryId", "Beneficiary", id, STRUCTURE, table);

        assertThat(table.looks).hasValue(2);
    }

    @Test
    void nothingIsRememberedWhenTheSettingIsZero() {
        DirectoryReferences everyTime = new DirectoryReferences(Duration.ofMillis(300), Duration.ofMillis(10),
                Duration.ZERO, new SimpleMeterRegistry(), new DirectoryReferences.Transactions() {
                    @Override
                    public <T> T inNew(java.util.function.Supplier<T> work) {
                        return work.get();
                    }
                });
        MovingTable table = new MovingTable(new Entry(STRUCTURE, "a"));
        UUID id = UUID.randomUUID();

        everyTime.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);
        everyTime.requireRemembered("counsellorId", "Counsellor", id, STRUCTURE, table);

        assertThat(table.looks).hasValue(2);
    }
}
