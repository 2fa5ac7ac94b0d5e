package fr.capemploi.cep.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The fiche de liaison and the dossier de synthèse as a counsellor hands them over: this service's records
 * ({@link DocumentRecords}, one transaction, which also refuses an erased person's documents) with the names that
 * beneficiary-service gives the caller at the time of the request ({@link RegistryReader}). If it does not answer,
 * there is no document (503): never one with identifiers where names should be. Not transactional, so that no
 * database connection waits on the registry.
 */
@ApplicationScoped
public class Documents {

    private final DocumentRecords records;
    private final RegistryReader registry;

    public Documents(DocumentRecords records, RegistryReader registry) {
        this.records = records;
        this.registry = registry;
    }

    /** The person stays off the sheet (it goes to another operator): only the structure and counsellor are read. */
    public LiaisonSheet liaisonSheet(UUID contactId, UUID structureId) {
        LiaisonSheet sheet = records.liaisonSheet(contactId, structureId);
        return sheet.named(registry.structure(sheet.structure().id()), registry.counsellor(sheet.counsellor().id()));
    }

    public SynthesisDossier synthesisDossier(UUID accompanimentId, UUID structureId) {
        SynthesisDossier dossier = records.synthesisDossier(accompanimentId, structureId);
        // the person first: an erasure the registry knows of but this service not yet ends it here, with a 410
        DocumentParties.Person person = registry.person(dossier.beneficiaryId());
        Map<UUID, DocumentParties.Counsellor> counsellors = new HashMap<>();
        DocumentParties.Counsellor referent = counsellor(dossier.referentCounsellor().id(), counsellors);
        DocumentParties.Counsellor author = counsellor(dossier.synthesis().counsellor().id(), counsellors);
        return dossier.named(person, registry.structure(dossier.structure().id()), referent, author);
    }

    /** The referent usually wrote the synthesis: one read for both. */
    private DocumentParties.Counsellor counsellor(UUID id, Map<UUID, DocumentParties.Counsellor> alreadyRead) {
        if (id == null) {
            return registry.counsellor(null);
        }
        return alreadyRead.computeIfAbsent(id, registry::counsellor);
    }
}
