package fr.capemploi.beneficiary.service;

import fr.capemploi.beneficiary.domain.AccessAction;
import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.domain.Consent;
import fr.capemploi.beneficiary.messaging.RegistryEvents;
import fr.capemploi.beneficiary.repository.ConsentRepository;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentModality;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentScope;
import fr.capemploi.platform.idempotency.KeyedRequest;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ConflictException;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.time.BusinessDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * GDPR consents of a beneficiary: given, listed, withdrawn. The beneficiary's row is locked while a consent is given
 * or withdrawn, so two counsellors cannot both record "the" consent in force for one scope.
 */
@ApplicationScoped
public class ConsentRegister {

    private final BeneficiaryRegistry registry;
    private final ConsentRepository consents;
    private final AccessLog accessLog;
    private final KeyedRequest keyedRequest;
    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;

    public ConsentRegister(BeneficiaryRegistry registry, ConsentRepository consents, AccessLog accessLog,
            KeyedRequest keyedRequest, Outbox outbox, Clock clock, EntityManager em) {
        this.registry = registry;
        this.consents = consents;
        this.accessLog = accessLog;
        this.keyedRequest = keyedRequest;
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public List<Consent> of(UUID beneficiaryId) {
        Beneficiary beneficiary = registry.visible(beneficiaryId);
        if (!beneficiary.erased()) {
            accessLog.record(beneficiary, AccessAction.CONSENTS_READ);
        }
        return consents.ofBeneficiary(beneficiaryId);
    }

    @Transactional
    public Consent give(UUID beneficiaryId, ConsentScope scope, LocalDate givenOn, ConsentModality modality) {
        Beneficiary beneficiary = registry.lockedForChange(beneficiaryId, IfMatch.ABSENT, false);
        Optional<UUID> earlier = keyedRequest.retryOf();
        if (earlier.isPresent()) {
            return consents.findByIdOptional(earlier.get()).orElseThrow();
        }
        if (consents.inForce(beneficiaryId, scope)) {
            throw new ConflictException("A " + scope + " consent is already in force; withdraw it before recording a new one");
        }
        Consent consent = new Consent(UUID.randomUUID(), beneficiaryId, beneficiary.structureId(), scope, givenOn, modality,
                clock.instant());
        consents.persist(consent);
        em.flush();
        accessLog.record(beneficiary, AccessAction.CONSENT_GIVEN);
        outbox.record(RegistryEvents.consentGiven(consent), BusinessDay.startOf(givenOn));
        keyedRequest.answers(consent.id());
        return consent;
    }

    @Transactional
    public Consent withdraw(UUID beneficiaryId, UUID consentId, LocalDate withdrawnOn, ConsentModality modality) {
        Beneficiary beneficiary = registry.lockedForChange(beneficiaryId, IfMatch.ABSENT, false);
        Consent consent = consents.findByIdOptional(consentId)
                .filter(c -> c.beneficiaryId().equals(beneficiaryId))
                .orElseThrow(() -> new ResourceNotFoundException("Consent", consentId));
        consent.withdraw(withdrawnOn, modality);
        em.flush();
        accessLog.record(beneficiary, AccessAction.CONSENT_WITHDRAWN);
        outbox.record(RegistryEvents.consentWithdrawn(consent), BusinessDay.startOf(withdrawnOn));
        return consent;
    }
}
