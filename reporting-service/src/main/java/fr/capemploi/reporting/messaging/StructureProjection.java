package fr.capemploi.reporting.messaging;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.RegisteredStructure;
import fr.capemploi.reporting.repository.RegisteredStructureRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Keeps the registered structures, the denominator of coverage and of every "share of structures" indicator. */
@ApplicationScoped
public class StructureProjection implements EventProjection {

    private final RegisteredStructureRepository structures;

    public StructureProjection(RegisteredStructureRepository structures) {
        this.structures = structures;
    }

    @Override
    public String name() {
        return "structures";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BENEFICIARY);
    }

    @Override
    public void apply(EventEnvelope envelope) {
        if (!"StructureRegistered".equals(envelope.eventType())) {
            return;
        }
        StructureRegistered event = EventCodec.payload(envelope, StructureRegistered.class);
        if (structures.findByIdOptional(event.structureId()).isEmpty()) {
            structures.persist(new RegisteredStructure(event.structureId(), event.code(), event.region(),
                    event.department(), event.registeredOn(), envelope.recordedAt()));
        }
    }
}
