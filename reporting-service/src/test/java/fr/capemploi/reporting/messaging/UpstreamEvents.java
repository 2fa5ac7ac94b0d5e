package fr.capemploi.reporting.messaging;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.events.cep.AccompanimentLevelChanged;
import fr.capemploi.events.cep.AccompanimentOpened;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import fr.capemploi.events.cep.Level1ContactRecorded;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.testsupport.TestEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The upstream services' events as the reporting tests publish them: what an indicator reads is given, the rest
 * (a person's birth year, sex, qualification...) is one plausible default, which no projection reads. Each test keeps
 * its own ids, so that tests sharing the broker and the projections never count each other's facts.
 */
public final class UpstreamEvents {

    /** When the upstream service recorded the events of {@link #publish(DomainEvent)}. */
    public static final Instant RECORDED_AT = Instant.parse("2016-06-01T08:00:00Z");

    private UpstreamEvents() {
    }

    public static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    /** Publishes {@code event} as recorded upstream at {@link #RECORDED_AT}. */
    public static void publish(DomainEvent event) {
        TestEvents.publish(event, RECORDED_AT);
    }

    /** Publishes {@code event} as if the upstream service had recorded it at {@code recordedAt}. */
    public static void publishRecordedAt(DomainEvent event, Instant recordedAt) {
        TestEvents.publish(event, EventCodec.envelope(event, recordedAt, "test-publisher",
                Clock.fixed(recordedAt, ZoneOffset.UTC)));
    }

    /** A new structure of {@code region}, registered on 1 January 2015 and published: its id. */
    public static UUID newStructure(String region) {
        UUID id = UUID.randomUUID();
        publish(structure(id, region, d("2015-01-01")));
        return id;
    }

    public static StructureRegistered structure(UUID id, String region, LocalDate registeredOn) {
        return new StructureRegistered(id, "S" + id.toString().substring(0, 6).toUpperCase(), "Cap emploi", region,
                "93", registeredOn);
    }

    /** A new counsellor of {@code structure}, active since 1 January 2015 and published: its id. */
    public static UUID newCounsellor(UUID structure) {
        UUID id = UUID.randomUUID();
        publish(new CounsellorRegistered(id, structure, d("2015-01-01")));
        return id;
    }

    /** A new person entering {@code structure} on {@code entry}, oriented by Pôle emploi, published: their id. */
    public static UUID newPerson(UUID structure, UUID referent, String entry) {
        return newPerson(structure, referent, entry, OrientationSource.POLE_EMPLOI);
    }

    public static UUID newPerson(UUID structure, UUID referent, String entry, OrientationSource source) {
        UUID id = UUID.randomUUID();
        publish(person(id, structure, referent, entry, source));
        return id;
    }

    /** A person entering {@code structure} on {@code entry}, oriented by Pôle emploi. */
    public static BeneficiaryRegistered person(UUID id, UUID structure, UUID referent, String entry) {
        return person(id, structure, referent, entry, OrientationSource.POLE_EMPLOI);
    }

    public static BeneficiaryRegistered person(UUID id, UUID structure, UUID referent, String entry,
            OrientationSource source) {
        return new BeneficiaryRegistered(id, structure, referent, d(entry), 1980, BeneficiaryRegistered.Sex.FEMALE,
                BeneficiaryRegistered.StatusAtEntry.JOB_SEEKER, true, BeneficiaryRegistered.QualificationLevel.LEVEL_3,
                12, source);
    }

    /** A level-1 contact with a person who stays anonymous: one person of their own. */
    public static Level1ContactRecorded anonymousContact(UUID structure, LocalDate day) {
        return new Level1ContactRecorded(UUID.randomUUID(), structure, null, null, day, ContactChannel.PHONE,
                Level1Request.CEP_INFORMATION, false);
    }

    /** The Cap emploi service of a level: training project at level 3, project elaboration below. */
    public static CapEmploiService serviceAt(int level) {
        return level == 3 ? CapEmploiService.TRAINING_PROJECT : CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION;
    }

    public static AccompanimentOpened opened(UUID accompaniment, UUID person, UUID structure, UUID referent, int level,
            String on) {
        return new AccompanimentOpened(accompaniment, person, structure, referent, null, level, serviceAt(level),
                WorkAxis.PROJECT_ELABORATION, d(on));
    }

    public static AccompanimentLevelChanged levelChanged(UUID accompaniment, UUID person, UUID structure,
            UUID referent, int from, int to, String on) {
        return new AccompanimentLevelChanged(accompaniment, person, structure, referent, from, to, serviceAt(to),
                d(on));
    }
}
