package fr.capemploi.beneficiary.service;

import fr.capemploi.beneficiary.domain.Counsellor;
import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.beneficiary.messaging.RegistryEvents;
import fr.capemploi.beneficiary.repository.CounsellorRepository;
import fr.capemploi.beneficiary.repository.StructureRepository;
import fr.capemploi.platform.idempotency.KeyedRequest;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The counsellors of each structure, managed by administrators. Their active periods feed the "active counsellors"
 * denominators of the indicators; their names never leave this service.
 */
@ApplicationScoped
public class CounsellorDirectory {

    private final CounsellorRepository counsellors;
    private final StructureRepository structures;
    private final KeyedRequest keyedRequest;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final EntityManager em;

    public CounsellorDirectory(CounsellorRepository counsellors, StructureRepository structures,
            KeyedRequest keyedRequest, Outbox outbox, Caller caller, Clock clock, EntityManager em) {
        this.counsellors = counsellors;
        this.structures = structures;
        this.keyedRequest = keyedRequest;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.em = em;
    }

    /** The editable part of a counsellor. */
    public record Details(String displayName, LocalDate activeUntil) {
    }

    @Transactional
    public Counsellor register(UUID structureId, String displayName, LocalDate activeFrom) {
        if (structures.findByIdOptional(structureId).isEmpty()) {
            throw new ResourceNotFoundException("Structure", structureId);
        }
        Optional<UUID> earlier = keyedRequest.retryOf();
        if (earlier.isPresent()) {
            return counsellors.findByIdOptional(earlier.get()).orElseThrow();
        }
        LocalDate from = activeFrom;
        Counsellor counsellor = new Counsellor(UUID.randomUUID(), structureId, displayName, from, clock.instant());
        counsellors.persist(counsellor);
        em.flush();
        outbox.record(RegistryEvents.counsellorRegistered(counsellor), BusinessDay.startOf(from));
        keyedRequest.answers(counsellor.id());
        return counsellor;
    }

    @Transactional
    public Page<Counsellor> ofStructure(UUID structureId, CounsellorRepository.Activity activity, int page, int size) {
        if (structures.findByIdOptional(structureId).isEmpty()) {
            throw new ResourceNotFoundException("Structure", structureId);
        }
        caller.checkAccess(structureId, "Structure", structureId);
        CounsellorRepository.Slice found = counsellors.ofStructure(structureId, activity, BusinessDay.today(clock),
                page, size);
        return new Page<>(found.items(), found.total(), page, size);
    }

    @Transactional
    public Counsellor get(UUID id) {
        Counsellor counsellor = counsellors.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Counsellor", id));
        caller.checkAccess(counsellor.structureId(), "Counsellor", id);
        return counsellor;
    }

    /**
     * Renames or (de)activates a counsellor. Setting {@code activeUntil} publishes CounsellorDeactivated (again, when
     * corrected); clearing it publishes CounsellorReactivated. A rename publishes nothing: names are not events.
     */
    @Transactional
    public Counsellor change(UUID id, IfMatch ifMatch, java.util.function.UnaryOperator<Details> change) {
        Counsellor counsellor = counsellors.findForUpdate(id)
                .orElseThrow(() -> new ResourceNotFoundException("Counsellor", id));
        ifMatch.check(counsellor.version(), true, "counsellor");
        Details current = new Details(counsellor.displayName(), counsellor.activeUntil());
        Details next = change.apply(current);
        if (next.activeUntil() != null && next.activeUntil().isBefore(counsellor.activeFrom())) {
            throw new InvalidFieldException("activeUntil", "must not be before activeFrom " + counsellor.activeFrom());
        }
        if (!next.displayName().equals(current.displayName())) {
            counsellor.rename(next.displayName());
        }
        if (!Objects.equals(next.activeUntil(), current.activeUntil())) {
            counsellor.endActivityOn(next.activeUntil());
            if (next.activeUntil() != null) {
                outbox.record(RegistryEvents.counsellorDeactivated(counsellor), BusinessDay.startOf(next.activeUntil()));
            } else {
                LocalDate today = BusinessDay.today(clock);
                outbox.record(RegistryEvents.counsellorReactivated(counsellor, today), clock.instant());
            }
        }
        em.flush();
        return counsellor;
    }
}
