package fr.capemploi.cep.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.cep.domain.KnownBeneficiary;
import fr.capemploi.cep.domain.KnownTrainingProject;
import fr.capemploi.cep.repository.KnownBeneficiaryRepository;
import fr.capemploi.cep.repository.KnownTrainingProjectRepository;
import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import fr.capemploi.events.cpf.TrainingProjectCreated;
import fr.capemploi.platform.consumer.TypedProjection;
import fr.capemploi.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The directories apply a polled batch set-wise: the entries its events name are read in one statement before the
 * first event, then every event of the batch sees what the earlier ones did (a registration then a referent, a
 * registration then an erasure, one person twice). Applied here as the channel applies a batch (begin, prepare, each
 * event, flush, in one transaction), on the service's real tables, without waiting for the broker's batching.
 */
@QuarkusTest
class DirectoryBatchTest {

    private static final Instant AT = Instant.parse("2016-03-01T09:00:00Z");

    @Inject
    BeneficiaryDirectoryProjection beneficiaryDirectory;

    @Inject
    TrainingProjectDirectoryProjection projectDirectory;

    @Inject
    KnownBeneficiaryRepository beneficiaries;

    @Inject
    KnownTrainingProjectRepository projects;

    private final UUID structure = UUID.randomUUID();
    private final UUID otherStructure = UUID.randomUUID();

    @Test
    void eachEventOfABatchSeesTheChangesOfTheEarlierOnes() {
        UUID movedLater = UUID.randomUUID();
        applyAsOneBatch(beneficiaryDirectory, registration(movedLater, structure, null));

        UUID newcomer = UUID.randomUUID();
        UUID referent = UUID.randomUUID();
        UUID erasedUnseen = UUID.randomUUID();
        UUID registeredThenErased = UUID.randomUUID();
        UUID neverRegistered = UUID.randomUUID();
        applyAsOneBatch(beneficiaryDirectory,
                registration(newcomer, structure, null),
                new ReferentAssigned(newcomer, structure, referent, null, LocalDate.of(2016, 3, 2)),
                registration(movedLater, otherStructure, referent),
                new BeneficiaryErased(erasedUnseen, structure, LocalDate.of(2016, 3, 3)),
                registration(registeredThenErased, structure, null),
                new BeneficiaryErased(registeredThenErased, structure, LocalDate.of(2016, 3, 4)),
                new ReferentAssigned(neverRegistered, structure, referent, null, LocalDate.of(2016, 3, 2)));

        assertThat(entry(newcomer)).get().extracting(KnownBeneficiary::structureId,
                KnownBeneficiary::referentCounsellorId, KnownBeneficiary::erased).containsExactly(structure, referent,
                false);
        assertThat(entry(movedLater)).get().extracting(KnownBeneficiary::structureId,
                KnownBeneficiary::referentCounsellorId).containsExactly(otherStructure, referent);
        // a tombstone: the person is refused as erased, never "unknown"
        assertThat(entry(erasedUnseen)).get().extracting(KnownBeneficiary::structureId, KnownBeneficiary::erasedOn,
                KnownBeneficiary::entryDate).containsExactly(structure, LocalDate.of(2016, 3, 3), null);
        assertThat(entry(registeredThenErased)).get().extracting(KnownBeneficiary::erasedOn,
                KnownBeneficiary::entryDate).containsExactly(LocalDate.of(2016, 3, 4), LocalDate.of(2016, 2, 15));
        assertThat(entry(neverRegistered)).isEmpty();
    }

    /** A batch that failed is tried again from the start: nothing of the failed attempt is taken for written. */
    @Test
    void aBatchTriedAgainAfterAFailureWritesEverything() {
        UUID person = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        List<EventEnvelope> people = envelopes(registration(person, structure, null));
        List<EventEnvelope> projectsBatch = envelopes(new TrainingProjectCreated(project, person, structure, null, null,
                null, null, true, null, null, 400, null, null, null, LocalDate.of(2016, 3, 5)));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            apply(beneficiaryDirectory, people);
            apply(projectDirectory, projectsBatch);
            throw new IllegalStateException("the commit fails");
        })).hasMessageContaining("the commit fails");
        assertThat(entry(person)).isEmpty();

        QuarkusTransaction.requiringNew().run(() -> {
            apply(beneficiaryDirectory, people);
            apply(projectDirectory, projectsBatch);
        });
        assertThat(entry(person)).get().extracting(KnownBeneficiary::structureId).isEqualTo(structure);
        assertThat(QuarkusTransaction.requiringNew().call(() -> projects.findByIdOptional(project)))
                .get().extracting(KnownTrainingProject::beneficiaryId).isEqualTo(person);
    }

    private Optional<KnownBeneficiary> entry(UUID beneficiary) {
        return QuarkusTransaction.requiringNew().call(() -> beneficiaries.findByIdOptional(beneficiary));
    }

    private static BeneficiaryRegistered registration(UUID beneficiary, UUID structure, UUID referent) {
        return new BeneficiaryRegistered(beneficiary, structure, referent, LocalDate.of(2016, 2, 15), 1974, Sex.FEMALE,
                StatusAtEntry.JOB_SEEKER, true, QualificationLevel.LEVEL_3, 14, OrientationSource.POLE_EMPLOI);
    }

    private static List<EventEnvelope> envelopes(DomainEvent... events) {
        return Arrays.stream(events).map(e -> TestEvents.envelope(e, AT)).toList();
    }

    private static void applyAsOneBatch(TypedProjection projection, DomainEvent... events) {
        List<EventEnvelope> batch = envelopes(events);
        QuarkusTransaction.requiringNew().run(() -> apply(projection, batch));
    }

    /** What the channel does with a projection's share of a polled batch, in the caller's transaction. */
    private static void apply(TypedProjection projection, List<EventEnvelope> batch) {
        projection.beginBatch();
        projection.prepare(batch);
        batch.forEach(projection::apply);
        projection.flush();
    }
}
