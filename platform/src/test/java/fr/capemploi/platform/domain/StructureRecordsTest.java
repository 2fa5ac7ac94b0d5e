package fr.capemploi.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.capemploi.platform.problem.ResourceNotFoundException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StructureRecordsTest {

    private record Kept(UUID id, UUID structureId) {
    }

    private final UUID structure = UUID.randomUUID();
    private final Kept own = new Kept(UUID.randomUUID(), structure);

    @Test
    void aRecordOfTheCallersStructureIsServed() {
        assertSame(own, StructureRecords.requireIn(structure, Optional.of(own), Kept::structureId, "Kept", own.id()));
    }

    @Test
    void anotherStructuresRecordIsAnsweredExactlyLikeAMissingOne() {
        Kept elsewhere = new Kept(UUID.randomUUID(), UUID.randomUUID());

        ResourceNotFoundException foreign = assertThrows(ResourceNotFoundException.class, () -> StructureRecords
                .requireIn(structure, Optional.of(elsewhere), Kept::structureId, "Kept", elsewhere.id()));
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> StructureRecords
                .requireIn(structure, Optional.<Kept>empty(), Kept::structureId, "Kept", elsewhere.id()));

        assertEquals(missing.getMessage(), foreign.getMessage());
    }
}
