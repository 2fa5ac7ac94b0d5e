package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import java.time.LocalDate;
import java.util.UUID;

/** The accompaniment moved between CEP levels 2 and 3; the person counts at both levels in the period. */
@EventType(name = "AccompanimentLevelChanged", topic = Topics.CEP, aggregateType = "Accompaniment")
public record AccompanimentLevelChanged(
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID referentCounsellorId,
        int fromLevel,
        int toLevel,
        CapEmploiService capEmploiService,
        LocalDate changedOn) implements AccompanimentEvent {
}
