package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** An interview of a CEP accompaniment took place; {@code cepLevel} is the accompaniment's level that day. */
@EventType(name = "InterviewHeld", topic = Topics.CEP, aggregateType = "Accompaniment")
public record InterviewHeld(
        UUID interviewId,
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate heldOn,
        int durationMinutes,
        InterviewMode mode,
        int cepLevel) implements AccompanimentEvent {

    public enum InterviewMode { ON_SITE, PHONE, VIDEO, OFF_SITE }
}
