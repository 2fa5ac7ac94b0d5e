package fr.capemploi.beneficiary.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.events.beneficiary.BeneficiaryExited.ExitReason;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentModality;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentScope;
import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.problem.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The beneficiary's own rules (entry, referent, exit) and a consent's withdrawal, without Quarkus. */
class BeneficiaryRulesTest {

    private static final LocalDate ENTRY = LocalDate.of(2016, 2, 15);
    private static final Instant NOW = Instant.parse("2017-06-01T08:00:00Z");
    private final UUID referent = UUID.randomUUID();

    private static BeneficiaryProfile profile(LocalDate entry) {
        return new BeneficiaryProfile("Martin", "Hélène", LocalDate.of(1974, 2, 11), Sex.FEMALE, null, null, null,
                StatusAtEntry.JOB_SEEKER, null, null, null, OrientationSource.POLE_EMPLOI, entry);
    }

    private Beneficiary person() {
        return new Beneficiary(UUID.randomUUID(), UUID.randomUUID(), profile(ENTRY), null, referent, NOW);
    }

    @Test
    void anExitIsNotBeforeTheEntryAndHappensOnce() {
        Beneficiary person = person();
        assertThatThrownBy(() -> person.exit(ENTRY.minusDays(1), ExitReason.MOVED, NOW))
                .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("exitDate");
        assertThat(person.exited()).isFalse();

        person.exit(ENTRY, ExitReason.MOVED, NOW);
        assertThat(person.exited()).isTrue();
        assertThat(person.exitDate()).isEqualTo(ENTRY);
        assertThatThrownBy(() -> person.exit(ENTRY.plusDays(5), ExitReason.TRAINING, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exited on 2016-02-15");
        assertThat(person.exitReason()).isEqualTo(ExitReason.MOVED);
    }

    @Test
    void aReferentIsAssignedFromTheEntryOnAndNeverAfterTheExit() {
        Beneficiary person = person();
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> person.assignReferent(other, ENTRY.minusDays(1), NOW))
                .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("assignedOn");
        assertThat(person.assignReferent(referent, ENTRY, NOW)).as("already the referent").isFalse();
        assertThat(person.assignReferent(other, ENTRY, NOW)).isTrue();
        assertThat(person.referentCounsellorId()).isEqualTo(other);

        person.exit(LocalDate.of(2017, 4, 28), ExitReason.SUSTAINABLE_JOB, NOW);
        assertThatThrownBy(() -> person.assignReferent(referent, LocalDate.of(2017, 5, 2), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("in no portfolio");
        assertThat(person.referentCounsellorId()).isEqualTo(other);
    }

    @Test
    void anExitedPersonsEntryStaysOnOrBeforeTheExit() {
        Beneficiary person = person();
        person.exit(LocalDate.of(2016, 12, 31), ExitReason.MOVED, NOW);
        assertThatThrownBy(() -> person.apply(profile(LocalDate.of(2017, 1, 1)), null, NOW))
                .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("entryDate");
        person.apply(profile(LocalDate.of(2016, 12, 31)), null, NOW);
        assertThat(person.entryDate()).isEqualTo(LocalDate.of(2016, 12, 31));
    }

    @Test
    void aConsentIsWithdrawnOnceAndNotBeforeItWasGiven() {
        Consent consent = new Consent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                ConsentScope.DATA_PROCESSING, ENTRY, ConsentModality.SIGNED_FORM, NOW);
        assertThatThrownBy(() -> consent.withdraw(ENTRY.minusDays(1), ConsentModality.ELECTRONIC))
                .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("withdrawnOn");
        assertThat(consent.active()).isTrue();
        consent.withdraw(ENTRY, ConsentModality.ELECTRONIC);
        assertThat(consent.active()).isFalse();
        assertThatThrownBy(() -> consent.withdraw(ENTRY.plusDays(1), ConsentModality.ELECTRONIC))
                .isInstanceOf(ConflictException.class);
        assertThat(consent.withdrawnOn()).isEqualTo(ENTRY);
    }
}
