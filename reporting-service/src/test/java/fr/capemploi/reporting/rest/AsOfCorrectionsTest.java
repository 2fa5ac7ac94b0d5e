package fr.capemploi.reporting.rest;

import static fr.capemploi.reporting.messaging.UpstreamEvents.d;
import static fr.capemploi.reporting.messaging.UpstreamEvents.newCounsellor;
import static fr.capemploi.reporting.messaging.UpstreamEvents.newPerson;
import static fr.capemploi.reporting.messaging.UpstreamEvents.newStructure;
import static fr.capemploi.reporting.messaging.UpstreamEvents.person;
import static fr.capemploi.reporting.messaging.UpstreamEvents.publish;
import static fr.capemploi.reporting.rest.IndicatorReads.expect;
import static fr.capemploi.reporting.rest.IndicatorReads.figure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.events.beneficiary.BeneficiaryProfileChanged;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.CounsellorDeactivated;
import fr.capemploi.events.beneficiary.CounsellorReactivated;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import fr.capemploi.reporting.messaging.ReportingScenario;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Corrections that overwrite a value (a profile, a counsellor's end date, a referent) leave the figures asked "as
 * of" an earlier moment as they were then: each test records facts, notes the time, corrects them, and reads the
 * same indicator before and after the correction. Each test has its own structure.
 */
@QuarkusTest
class AsOfCorrectionsTest {

    @Test
    void aProfileCorrectionChangesTheFiguresOnlyFromItsRecording() {
        UUID structure = newStructure(TestRegion.AS_OF_CORRECTIONS.code);
        UUID referent = newCounsellor(structure);
        UUID person = newPerson(structure, referent, "2016-03-01", OrientationSource.MISSION_LOCALE);
        Instant registered = applied();

        publish(profile(person, structure, "2016-03-01", OrientationSource.POLE_EMPLOI));
        Instant reoriented = applied();

        // the entry date corrected into 2017: no longer an entry of 2016, nor in a portfolio at its end
        publish(profile(person, structure, "2017-02-01", OrientationSource.POLE_EMPLOI));
        applied();

        JsonNode asRegistered = indicators(structure, registered);
        expect(asRegistered, """
                entries-by-orientation-source  numerator   0
                entries-by-orientation-source  denominator 1
                average-portfolio              numerator   1
                """);

        JsonNode asReoriented = indicators(structure, reoriented);
        expect(asReoriented, """
                entries-by-orientation-source  numerator   1
                entries-by-orientation-source  denominator 1
                average-portfolio              numerator   1
                """);

        JsonNode now = indicators(structure, null);
        expect(now, """
                entries-by-orientation-source  denominator 0
                average-portfolio              numerator   0
                """);
    }

    @Test
    void aCorrectedEndDateCountsTheCounsellorOnlyFromTheCorrection() {
        UUID structure = newStructure(TestRegion.AS_OF_CORRECTIONS.code);
        UUID stays = newCounsellor(structure);
        UUID leaves = newCounsellor(structure);
        Instant bothActive = applied();

        publish(new CounsellorDeactivated(leaves, structure, d("2015-06-30")));
        Instant leftIn2015 = applied();

        // the administrator corrects the end: the counsellor worked the whole of 2016
        publish(new CounsellorDeactivated(leaves, structure, d("2016-12-31")));
        Instant corrected = applied();

        publish(new CounsellorDeactivated(leaves, structure, d("2015-06-30")));
        publish(new CounsellorReactivated(leaves, structure, d("2017-01-02")));
        applied();

        assertThat(figure(indicators(structure, bothActive), "counsellors-delivering-cep", "denominator"))
                .isEqualByComparingTo("2");
        assertThat(figure(indicators(structure, leftIn2015), "counsellors-delivering-cep", "denominator"))
                .isEqualByComparingTo("1");
        assertThat(figure(indicators(structure, corrected), "counsellors-delivering-cep", "denominator"))
                .isEqualByComparingTo("2");
        assertThat(figure(indicators(structure, null), "counsellors-delivering-cep", "denominator")).isEqualByComparingTo("2");
    }

    @Test
    void aReferentChangeMovesThePersonBetweenPortfoliosOnlyFromItsRecording() {
        UUID structure = newStructure(TestRegion.AS_OF_CORRECTIONS.code);
        UUID first = newCounsellor(structure);
        UUID second = newCounsellor(structure);
        newPerson(structure, first, "2016-01-04"); // stays with the first
        UUID moved = newPerson(structure, first, "2016-02-01");
        Instant oneReferent = applied();

        publish(new ReferentAssigned(moved, structure, second, first, d("2016-06-01")));
        applied();

        // two people in one portfolio, then one in each
        JsonNode before = indicators(structure, oneReferent);
        expect(before, """
                average-portfolio  value       2.00
                average-portfolio  denominator 1
                """);
        JsonNode after = indicators(structure, null);
        expect(after, """
                average-portfolio  value       1.00
                average-portfolio  denominator 2
                """);
        // the first half-year ended before the change took effect
        assertThat(IndicatorReads.text(IndicatorReads.indicator(IndicatorReads.indicators(structure, "2016-Q1", null),
                "average-portfolio").path("denominator"))).isEqualTo("1");
    }

    private static BeneficiaryProfileChanged profile(UUID id, UUID structure, String entry, OrientationSource source) {
        BeneficiaryRegistered registered = person(id, structure, null, entry, source);
        return new BeneficiaryProfileChanged(id, structure, d("2017-03-01"), registered.entryDate(),
                registered.birthYear(), registered.sex(), registered.statusAtEntry(), registered.boe(),
                registered.qualificationLevel(), registered.inactivityMonths(), source);
    }

    /** Waits until everything published is applied; every later event is recorded after the instant returned. */
    private static Instant applied() {
        ReportingScenario.awaitApplied();
        return Instant.now();
    }

    /** The structure's 2016 as recorded at {@code asOf} (null: now). */
    private static JsonNode indicators(UUID structure, Instant asOf) {
        return IndicatorReads.indicators(structure, "2016", asOf == null ? null : asOf.toString());
    }
}
