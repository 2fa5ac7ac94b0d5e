package fr.capemploi.beneficiary.service;

import fr.capemploi.beneficiary.domain.AccessAction;
import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.domain.BeneficiaryProfile;
import fr.capemploi.beneficiary.domain.BeneficiaryState;
import fr.capemploi.beneficiary.domain.Counsellor;
import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.beneficiary.domain.IndicatorAttributes;
import fr.capemploi.beneficiary.domain.Nir;
import fr.capemploi.beneficiary.domain.SealedNir;
import fr.capemploi.beneficiary.messaging.RegistryEvents;
import fr.capemploi.beneficiary.repository.AccessLogRepository;
import fr.capemploi.beneficiary.repository.BeneficiaryRepository;
import fr.capemploi.beneficiary.repository.CounsellorRepository;
import fr.capemploi.beneficiary.repository.StructureRepository;
import fr.capemploi.events.beneficiary.BeneficiaryExited.ExitReason;
import fr.capemploi.platform.idempotency.KeyedRequest;
import fr.capemploi.platform.idempotency.StoredAnswers;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ConflictException;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The use cases of the beneficiary registry. Every one of them checks the caller's structure, writes its access-log
 * entry and its events in the transaction of the change, and decrypts a NIR only to answer someone who may see it.
 */
@ApplicationScoped
public class BeneficiaryRegistry {

    private static final String RESOURCE = "Beneficiary";

    private final BeneficiaryRepository beneficiaries;
    private final CounsellorRepository counsellors;
    private final StructureRepository structures;
    private final NirVault vault;
    private final AccessLog accessLog;
    private final KeyedRequest keyedRequest;
    private final StoredAnswers idempotentAnswers;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final EntityManager em;

    public BeneficiaryRegistry(BeneficiaryRepository beneficiaries, CounsellorRepository counsellors,
            StructureRepository structures, NirVault vault, AccessLog accessLog, KeyedRequest keyedRequest,
            StoredAnswers idempotentAnswers, Outbox outbox, Caller caller, Clock clock, EntityManager em) {
        this.beneficiaries = beneficiaries;
        this.counsellors = counsellors;
        this.structures = structures;
        this.vault = vault;
        this.accessLog = accessLog;
        this.keyedRequest = keyedRequest;
        this.idempotentAnswers = idempotentAnswers;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.em = em;
    }

    /** A new beneficiary; {@code structureId} may be omitted by counsellors and managers (their own structure). */
    public record Registration(UUID structureId, BeneficiaryProfile profile, UUID referentCounsellorId) {
    }

    @Transactional
    public BeneficiaryRecord register(Registration registration) {
        Optional<UUID> earlier = keyedRequest.retryOf();
        if (earlier.isPresent()) {
            return replay(earlier.get());
        }
        UUID structureId = structureOfRegistration(registration);
        BeneficiaryProfile profile = registration.profile();
        LocalDate today = BusinessDay.today(clock);
        if (registration.referentCounsellorId() != null) {
            if (caller.hasRole(Roles.PARTNER) && !caller.isStructureBound()) {
                throw new InvalidFieldException("referentCounsellorId",
                        "is assigned by the structure, not by the referring partner");
            }
            activeCounsellorOf(structureId, registration.referentCounsellorId(), today, "referentCounsellorId");
        }
        UUID id = UUID.randomUUID();
        SealedNir nir = profile.nir() == null ? null : vault.seal(profile.nir(), id);
        if (nir != null && beneficiaries.nirTaken(structureId, nir.searchHash(), id)) {
            if (caller.hasRole(Roles.PARTNER) && !caller.isStructureBound()) {
                return joinedReferral(structureId, nir);
            }
            throw new ConflictException("A beneficiary with this NIR is already registered in this structure");
        }
        Instant now = clock.instant();
        Beneficiary beneficiary = new Beneficiary(id, structureId, profile, nir, registration.referentCounsellorId(), now);
        beneficiaries.persist(beneficiary);
        em.flush();
        // the trace rides with the event: one statement for both rows
        outbox.record(accessLog.withEvent(beneficiary, AccessAction.CREATE), RegistryEvents.registered(beneficiary),
                BusinessDay.startOf(profile.entryDate()));
        keyedRequest.answers(id);
        return new BeneficiaryRecord(beneficiary, profile.nir());
    }

    /**
     * Only what a document about the person prints (sex, names, birth date), for the CEP documents a counsellor hands
     * over: no NIR decrypted, no contact, no BOE ground. Logged as any read of the person's data (READ). An erased
     * person has no identity left to show: 410.
     */
    @Transactional
    public Beneficiary identity(UUID id) {
        Beneficiary beneficiary = visible(id);
        if (beneficiary.erased()) {
            throw new ErasedException("Beneficiary " + id + " was erased; there is no identity left to show");
        }
        accessLog.record(beneficiary, AccessAction.READ);
        return beneficiary;
    }

    @Transactional
    public BeneficiaryRecord read(UUID id) {
        Beneficiary beneficiary = visible(id);
        if (beneficiary.erased()) {
            return new BeneficiaryRecord(beneficiary, null);
        }
        accessLog.record(beneficiary, AccessAction.READ);
        return new BeneficiaryRecord(beneficiary, nirOf(beneficiary));
    }

    /**
     * Applies a change to the profile. {@code change} runs inside the transaction, on the locked current profile, so
     * a merge patch can never be computed from a copy another request is changing at the same time.
     */
    @Transactional
    public BeneficiaryRecord change(UUID id, IfMatch ifMatch, UnaryOperator<BeneficiaryProfile> change) {
        Beneficiary beneficiary = lockedForChange(id, ifMatch, true);
        BeneficiaryProfile current = profileOf(beneficiary);
        BeneficiaryProfile next = change.apply(current);
        if (next.equals(current)) {
            accessLog.record(beneficiary, AccessAction.READ);
            return new BeneficiaryRecord(beneficiary, current.nir());
        }
        SealedNir sealed = null;
        if (next.nir() != null) {
            if (next.nir().equals(current.nir())) {
                sealed = new SealedNir(beneficiary.nirCiphertext().orElseThrow(), vault.searchHash(next.nir()));
            } else {
                sealed = vault.seal(next.nir(), id);
                if (beneficiaries.nirTaken(beneficiary.structureId(), sealed.searchHash(), id)) {
                    throw new ConflictException("A beneficiary with this NIR is already registered in this structure");
                }
            }
        }
        IndicatorAttributes before = beneficiary.indicatorAttributes();
        Instant now = clock.instant();
        beneficiary.apply(next, sealed, now);
        em.flush();
        accessLog.record(beneficiary, AccessAction.UPDATE);
        if (!beneficiary.indicatorAttributes().equals(before)) {
            outbox.record(RegistryEvents.profileChanged(beneficiary, BusinessDay.today(clock)), now);
        }
        return new BeneficiaryRecord(beneficiary, next.nir());
    }

    @Transactional
    public BeneficiaryRecord assignReferent(UUID id, IfMatch ifMatch, UUID counsellorId, LocalDate assignedOn) {
        Beneficiary beneficiary = lockedForChange(id, ifMatch, false);
        if (!beneficiary.exited()) {
            // an exited person is refused by the aggregate below, whatever the counsellor
            activeCounsellorOf(beneficiary.structureId(), counsellorId, assignedOn, "counsellorId");
        }
        UUID previous = beneficiary.referentCounsellorId();
        if (beneficiary.assignReferent(counsellorId, assignedOn, clock.instant())) {
            em.flush();
            outbox.record(accessLog.withEvent(beneficiary, AccessAction.ASSIGN_REFERENT),
                    RegistryEvents.referentAssigned(beneficiary, previous, assignedOn), BusinessDay.startOf(assignedOn));
        } else {
            accessLog.record(beneficiary, AccessAction.ASSIGN_REFERENT);
        }
        return new BeneficiaryRecord(beneficiary, nirOf(beneficiary));
    }

    @Transactional
    public BeneficiaryRecord exit(UUID id, IfMatch ifMatch, LocalDate exitDate, ExitReason reason) {
        if (keyedRequest.retryOf().isPresent()) {
            // the exit was recorded by the first attempt: answer the record as it is now, change nothing
            return replay(id);
        }
        Beneficiary beneficiary = lockedForChange(id, ifMatch, false);
        beneficiary.exit(exitDate, reason, clock.instant());
        em.flush();
        outbox.record(accessLog.withEvent(beneficiary, AccessAction.EXIT), RegistryEvents.exited(beneficiary),
                BusinessDay.startOf(exitDate));
        keyedRequest.answers(id);
        return new BeneficiaryRecord(beneficiary, nirOf(beneficiary));
    }

    /**
     * Right to be forgotten: the personal fields are wiped, the pseudonymous tombstone stays so the history published
     * under its id still counts, and BeneficiaryErased tells every consumer to drop what it may hold.
     */
    @Transactional
    public void erase(UUID id, IfMatch ifMatch) {
        Beneficiary beneficiary = lockedForChange(id, ifMatch, false);
        LocalDate today = BusinessDay.today(clock);
        Instant now = clock.instant();
        beneficiary.erase(today, now);
        em.flush();
        idempotentAnswers.forgetRequestsAbout(id);
        accessLog.record(beneficiary, AccessAction.ERASE);
        outbox.record(RegistryEvents.erased(beneficiary), now);
    }

    /** A list or search, limited to the caller's structure; one access-log entry per person shown. */
    @Transactional
    public Page<Beneficiary> search(BeneficiaryRepository.Criteria criteria, Nir nir, int page, int size) {
        UUID own = caller.ownStructure();
        if (criteria.structureId() != null && !criteria.structureId().equals(own)) {
            // another structure's people do not exist for this caller: an empty page, as for any filter
            return new Page<>(java.util.List.of(), 0, page, size);
        }
        BeneficiaryRepository.Criteria scoped = new BeneficiaryRepository.Criteria(own, criteria.referentCounsellorId(),
                criteria.statusAtEntry(), criteria.state(), criteria.orientationSource(), criteria.enteredFrom(),
                criteria.enteredTo(), criteria.nameWords(), nir == null ? null : vault.searchHash(nir));
        BeneficiaryRepository.Slice found = beneficiaries.search(scoped, page, size);
        accessLog.recordAll(found.items(), AccessAction.SEARCH);
        return new Page<>(found.items(), found.total(), page, size);
    }

    /** The active beneficiaries whose referent the counsellor is. */
    @Transactional
    public Page<Beneficiary> portfolio(UUID counsellorId, int page, int size) {
        Counsellor counsellor = counsellors.findByIdOptional(counsellorId)
                .orElseThrow(() -> new ResourceNotFoundException("Counsellor", counsellorId));
        caller.checkAccess(counsellor.structureId(), "Counsellor", counsellorId);
        BeneficiaryRepository.Slice found = beneficiaries.search(new BeneficiaryRepository.Criteria(
                counsellor.structureId(), counsellorId, null, BeneficiaryState.ACTIVE, null, null, null, null, null),
                page, size);
        accessLog.recordAll(found.items(), AccessAction.PORTFOLIO);
        return new Page<>(found.items(), found.total(), page, size);
    }

    /**
     * Another service served the caller one of the person's records and traces it here, in the person's one log. An
     * erased person's entry is taken too: their pseudonymous records stay readable by their structure's staff, and
     * who reads them is exactly what the log is for.
     */
    @Transactional
    public void recordReadElsewhere(UUID id, String record) {
        accessLog.recordElsewhere(visible(id), record);
    }

    @Transactional
    public AccessLogRepository.Slice accessLogOf(UUID id, int page, int size) {
        visible(id);
        return accessLog.of(id, page, size);
    }

    /** The beneficiary, if the caller may see it: another structure's record is answered 404. */
    Beneficiary visible(UUID id) {
        Beneficiary beneficiary = beneficiaries.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
        caller.checkAccess(beneficiary.structureId(), RESOURCE, id);
        return beneficiary;
    }

    /** Locks the row for the rest of the transaction, so the version checked is the version changed. */
    Beneficiary lockedForChange(UUID id, IfMatch ifMatch, boolean ifMatchRequired) {
        Beneficiary beneficiary = beneficiaries.findForUpdate(id)
                .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
        caller.checkAccess(beneficiary.structureId(), RESOURCE, id);
        if (beneficiary.erased()) {
            throw new ErasedException(id);
        }
        ifMatch.check(beneficiary.version(), ifMatchRequired, "beneficiary");
        return beneficiary;
    }

    /**
     * A partner referring a person the structure already follows gets the same answer as for a new referral (201 and
     * an id) and nothing is recorded: a 409 would tell it that this person is followed by a Cap emploi, i.e. has a
     * disability status (audit finding). The referral joins the existing record; its id is all the partner gets.
     */
    private BeneficiaryRecord joinedReferral(UUID structureId, SealedNir nir) {
        Beneficiary existing = beneficiaries.withNir(structureId, nir.searchHash())
                .orElseThrow(() -> new IllegalStateException("NIR taken but no holder found"));
        keyedRequest.answers(existing.id());
        return new BeneficiaryRecord(existing, null);
    }

    private BeneficiaryRecord replay(UUID id) {
        Beneficiary beneficiary = beneficiaries.findByIdOptional(id)
                .orElseThrow(() -> new IllegalStateException("Idempotency key points at a missing beneficiary " + id));
        // authorize before replaying: keys are kept per caller and structure, and the record is checked again here so
        // that no replay ever renders another structure's person
        if (!(caller.hasRole(Roles.PARTNER) && !caller.isStructureBound())) {
            caller.checkAccess(beneficiary.structureId(), RESOURCE, id);
        }
        if (caller.hasRole(Roles.PARTNER) && !caller.isStructureBound() || beneficiary.erased()) {
            // the partner only ever gets the id back: nothing personal is read, nothing to log
            return new BeneficiaryRecord(beneficiary, null);
        }
        accessLog.record(beneficiary, AccessAction.READ);
        return new BeneficiaryRecord(beneficiary, nirOf(beneficiary));
    }

    private UUID structureOfRegistration(Registration registration) {
        if (caller.isStructureBound()) {
            UUID own = caller.ownStructure();
            if (registration.structureId() != null && !registration.structureId().equals(own)) {
                throw new ForbiddenException("Your role may register beneficiaries in your own structure only");
            }
            return own;
        }
        if (registration.structureId() == null) {
            throw new InvalidFieldException("structureId", "must name the structure the person is referred to");
        }
        if (structures.findByIdOptional(registration.structureId()).isEmpty()) {
            throw new InvalidFieldException("structureId", "is not a registered structure");
        }
        return registration.structureId();
    }

    private void activeCounsellorOf(UUID structureId, UUID counsellorId, LocalDate on, String field) {
        Counsellor counsellor = counsellors.findByIdOptional(counsellorId)
                .filter(c -> c.structureId().equals(structureId))
                .orElseThrow(() -> new InvalidFieldException(field, "is not a counsellor of the beneficiary's structure"));
        if (!counsellor.activeOn(on)) {
            throw new InvalidFieldException(field, "is not active on " + on);
        }
    }

    private Nir nirOf(Beneficiary beneficiary) {
        return beneficiary.nirCiphertext().map(stored -> vault.open(stored, beneficiary.id())).orElse(null);
    }

    private BeneficiaryProfile profileOf(Beneficiary b) {
        return new BeneficiaryProfile(b.lastName(), b.firstName(), b.birthDate(), b.sex(), nirOf(b),
                b.franceTravailId(), b.contact(), b.statusAtEntry(), b.boeRecognition(), b.qualificationLevel(),
                b.inactivityMonths(), b.orientationSource(), b.entryDate());
    }
}
