package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import java.time.LocalDate;
import java.util.UUID;

/** A CEP accompaniment at level 2 (conseil personnalisé) or 3 (accompagnement à la mise en œuvre) started. */
@EventType(name = "AccompanimentOpened", topic = Topics.CEP, aggregateType = "Accompaniment")
public record AccompanimentOpened(
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID referentCounsellorId,
        UUID diagnosticId,
        int level,
        CapEmploiService capEmploiService,
        WorkAxis workAxis,
        LocalDate startDate) implements AccompanimentEvent {
}
