package fr.capemploi.platform.domain;

import fr.capemploi.platform.problem.ResourceNotFoundException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one look-up of a record a structure keeps (a diagnostic, a contact, an accompaniment, a training project): found
 * in the caller's structure, or 404 exactly as for an id that does not exist, so that a counsellor never learns that
 * another structure's record exists. The service layer finds its records this way, in its own transaction, rather
 * than a resource checking the structure of what it was handed.
 */
public final class StructureRecords {

    private StructureRecords() {
    }

    /**
     * @param found       the record as the repository found it, with whatever lock the use case needs
     * @param structureOf the structure the record belongs to
     * @param resource    what the record is, for the 404's message ("Diagnostic", "Training project"...)
     * @throws ResourceNotFoundException when it was not found, or belongs to another structure
     */
    public static <E> E requireIn(UUID structureId, Optional<E> found, Function<? super E, UUID> structureOf,
            String resource, Object id) {
        return found.filter(record -> structureId.equals(structureOf.apply(record)))
                .orElseThrow(() -> new ResourceNotFoundException(resource, id));
    }
}
