package fr.capemploi.platform.directory;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Every change a service's projection makes to a person's entry (a registration, a new structure, an erasure, what a
 * subclass adds) makes the write path look the person up again once it commits ({@link DirectoryReferences#forget}):
 * the entry is the one place these facts change, so no projection can leave it out.
 */
public class BeneficiaryEntryChanges {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(BeneficiaryEntry entry) {
        // Hibernate instantiates entity listeners itself: the bean is taken from the container, not injected
        Arc.container().instance(DirectoryReferences.class).get().forget(BeneficiaryDirectory.KIND,
                entry.beneficiaryId());
    }
}
