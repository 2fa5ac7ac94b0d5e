package fr.capemploi.cpf.messaging;

import fr.capemploi.cpf.domain.KnownCounsellor;
import fr.capemploi.cpf.repository.KnownCounsellorRepository;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.platform.consumer.TypedProjection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Which counsellors exist and in which structure, from {@code beneficiary.events}, so that a CPF step or a training
 * project names only a counsellor of the caller's structure (audit finding: any id was accepted). A projection of its
 * own, so the beneficiaries' projection stays as it is; it reads the topic from its start like every projection.
 */
@ApplicationScoped
public class CounsellorDirectoryProjection extends TypedProjection {

    private final KnownCounsellorRepository counsellors;

    public CounsellorDirectoryProjection(KnownCounsellorRepository counsellors) {
        this.counsellors = counsellors;
        on(CounsellorRegistered.class, this::registered);
    }

    @Override
    public String name() {
        return "counsellor-directory";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BENEFICIARY);
    }

    private void registered(CounsellorRegistered event, EventEnvelope envelope) {
        if (event.counsellorId() == null || event.structureId() == null) {
            throw new MalformedEventException("CounsellorRegistered without counsellor or structure");
        }
        if (counsellors.findByIdOptional(event.counsellorId()).isEmpty()) {
            counsellors.persist(new KnownCounsellor(event.counsellorId(), event.structureId()));
        }
    }
}
