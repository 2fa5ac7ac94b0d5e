package fr.capemploi.cep.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.cep.domain.KnownBeneficiary;
import fr.capemploi.cep.domain.KnownCounsellor;
import fr.capemploi.cep.domain.KnownStructure;
import fr.capemploi.cep.repository.KnownBeneficiaryRepository;
import fr.capemploi.cep.repository.KnownCounsellorRepository;
import fr.capemploi.cep.repository.KnownStructureRepository;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.consumer.EventProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the local copy of what the beneficiary service announces: which beneficiaries exist and in which structure
 * (so CEP records never point at nobody) and their current referent, the structures' names and the counsellors
 * for the documents. Other event types of the topic are ignored.
 */
@ApplicationScoped
public class BeneficiaryDirectoryProjection implements EventProjection {

    /*
     * The two below are read field by field rather than through their records: this service needs one or two of
     * their fields, and must not break if their shape grows. A counsellor's display name is used if one is ever
     * published; until then documents show the counsellor's id.
     */
    static final String COUNSELLOR_REGISTERED = "CounsellorRegistered";
    static final String REFERENT_ASSIGNED = "ReferentAssigned";

    private final KnownBeneficiaryRepository beneficiaries;
    private final KnownStructureRepository structures;
    private final KnownCounsellorRepository counsellors;

    public BeneficiaryDirectoryProjection(KnownBeneficiaryRepository beneficiaries, KnownStructureRepository structures,
            KnownCounsellorRepository counsellors) {
        this.beneficiaries = beneficiaries;
        this.structures = structures;
        this.counsellors = counsellors;
    }

    @Override
    public String name() {
        return "beneficiary-directory";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BENEFICIARY);
    }

    @Override
    public void apply(EventEnvelope envelope) {
        switch (envelope.eventType()) {
            case "BeneficiaryRegistered" -> registered(envelope, EventCodec.payload(envelope, BeneficiaryRegistered.class));
            case "BeneficiaryErased" -> erased(envelope, EventCodec.payload(envelope, BeneficiaryErased.class));
            case "StructureRegistered" -> structure(EventCodec.payload(envelope, StructureRegistered.class));
            case COUNSELLOR_REGISTERED -> counsellor(envelope.payload());
            case REFERENT_ASSIGNED -> referent(envelope);
            default -> {
                // BeneficiaryExited, consents...: nothing this service needs
            }
        }
    }

    private void registered(EventEnvelope envelope, BeneficiaryRegistered event) {
        if (event.beneficiaryId() == null || event.structureId() == null) {
            throw new MalformedEventException("BeneficiaryRegistered without beneficiaryId or structureId");
        }
        beneficiaries.findByIdOptional(event.beneficiaryId()).ifPresentOrElse(
                known -> known.registered(event.structureId(), event.referentCounsellorId(), event.entryDate(),
                        envelope.recordedAt()),
                () -> beneficiaries.persist(new KnownBeneficiary(event.beneficiaryId(), event.structureId(),
                        event.referentCounsellorId(), event.entryDate(), envelope.recordedAt())));
    }

    private void erased(EventEnvelope envelope, BeneficiaryErased event) {
        // a tombstone even for a registration never seen (e.g. a projection started after it), so the id stays refused
        KnownBeneficiary known = beneficiaries.findByIdOptional(event.beneficiaryId()).orElseGet(() -> {
            KnownBeneficiary tombstone = new KnownBeneficiary(event.beneficiaryId(), event.structureId(), null, null,
                    envelope.recordedAt());
            beneficiaries.persist(tombstone);
            return tombstone;
        });
        known.erased(event.erasedOn() != null ? event.erasedOn()
                : LocalDate.ofInstant(envelope.occurredAt(), ZoneOffset.UTC), envelope.recordedAt());
    }

    private void structure(StructureRegistered event) {
        if (structures.findByIdOptional(event.structureId()).isEmpty()) {
            structures.persist(new KnownStructure(event.structureId(), event.code(), event.name(), event.region(),
                    event.department()));
        }
    }

    /** The referent a new accompaniment defaults to follows the registry's portfolio. */
    private void referent(EventEnvelope envelope) {
        UUID beneficiaryId = uuid(envelope.payload(), "beneficiaryId");
        UUID counsellorId = uuid(envelope.payload(), "counsellorId");
        if (beneficiaryId == null || counsellorId == null) {
            throw new MalformedEventException("ReferentAssigned without beneficiaryId or counsellorId");
        }
        // keyed like the registration, so it comes after it; a person never registered here is not ours to track
        beneficiaries.findByIdOptional(beneficiaryId)
                .ifPresent(known -> known.referentAssigned(counsellorId, envelope.recordedAt()));
    }

    private void counsellor(JsonNode payload) {
        UUID counsellorId = uuid(payload, "counsellorId");
        if (counsellorId == null) {
            throw new MalformedEventException("CounsellorRegistered without a counsellorId");
        }
        UUID structureId = uuid(payload, "structureId");
        String displayName = payload.hasNonNull("displayName") ? payload.get("displayName").asText() : null;
        counsellors.findByIdOptional(counsellorId).ifPresentOrElse(
                known -> known.update(structureId, displayName),
                () -> counsellors.persist(new KnownCounsellor(counsellorId, structureId, displayName)));
    }

    private static UUID uuid(JsonNode payload, String field) {
        if (!payload.hasNonNull(field)) {
            return null;
        }
        try {
            return UUID.fromString(payload.get(field).asText());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID");
        }
    }
}
