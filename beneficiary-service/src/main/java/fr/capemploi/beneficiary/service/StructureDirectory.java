package fr.capemploi.beneficiary.service;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.beneficiary.domain.Region;
import fr.capemploi.beneficiary.domain.Structure;
import fr.capemploi.beneficiary.repository.StructureRepository;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ConflictException;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** The directory of Cap emploi structures, managed by administrators. */
@ApplicationScoped
public class StructureDirectory {


    private final StructureRepository structures;
    private final Outbox outbox;
    private final Clock clock;

    public StructureDirectory(StructureRepository structures, Outbox outbox, Clock clock) {
        this.structures = structures;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Registration(String code, String name, Region region, String department, LocalDate registeredOn) {
    }

    @Transactional
    public Structure register(Registration registration) {
        if (structures.codeTaken(registration.code())) {
            throw new ConflictException("A structure with code " + registration.code() + " is already registered");
        }
        LocalDate registeredOn = registration.registeredOn();
        Structure structure = new Structure(UUID.randomUUID(), registration.code(), registration.name(),
                registration.region(), registration.department(), registeredOn, clock.instant());
        structures.persist(structure);
        outbox.record(new StructureRegistered(structure.id(), structure.code(), structure.name(),
                structure.region().inseeCode(), structure.department(), registeredOn),
                BusinessDay.startOf(registeredOn));
        return structure;
    }

    @Transactional
    public Structure get(UUID id) {
        return structures.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Structure", id));
    }

    @Transactional
    public Page<Structure> list(int page, int size) {
        return new Page<>(structures.page(page, size), structures.count(), page, size);
    }
}
