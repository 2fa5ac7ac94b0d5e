package fr.capemploi.platform.directory;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.platform.consumer.TypedProjection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which counsellors exist and in which structure, from {@code beneficiary.events}, into {@link CounsellorDirectory}.
 * A service feeds it from its channel on that topic ({@code channels.feed(counsellors)}); a projection of its own,
 * with its own position, read from the topic's start.
 */
@ApplicationScoped
public class CounsellorDirectoryProjection extends TypedProjection {

    private final CounsellorDirectory directory;

    public CounsellorDirectoryProjection(CounsellorDirectory directory) {
        super("counsellor-directory", Topics.BENEFICIARY);
        this.directory = directory;
        on(CounsellorRegistered.class, this::registered);
    }

    private void registered(CounsellorRegistered event, EventEnvelope envelope) {
        if (event.counsellorId() == null || event.structureId() == null) {
            throw new MalformedEventException("CounsellorRegistered without counsellor or structure");
        }
        directory.announced(event.counsellorId(), event.structureId());
    }
}
