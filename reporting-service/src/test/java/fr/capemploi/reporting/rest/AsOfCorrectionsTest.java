package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.beneficiary.BeneficiaryProfileChanged;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.CounsellorDeactivated;
import fr.capemploi.events.beneficiary.CounsellorReactivated;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
        UUID structure = structure();
        UUID referent = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        publish(new CounsellorRegistered(referent, structure, d("2015-01-01")));
        publish(person(person, structure, referent, "2016-03-01", OrientationSource.MISSION_LOCALE));
        Instant registered = applied();

        publish(profile(person, structure, "2016-03-01", OrientationSource.POLE_EMPLOI));
        Instant reoriented = applied();

        // the entry date corrected into 2017: no longer an entry of 2016, nor in a portfolio at its end
        publish(profile(person, structure, "2017-02-01", OrientationSource.POLE_EMPLOI));
        applied();

        JsonPath asRegistered = indicators(structure, registered);
        assertThat(figure(asRegistered, "entries-by-orientation-source", "numerator")).isEqualByComparingTo("0");
        assertThat(figure(asRegistered, "entries-by-orientation-source", "denominator")).isEqualByComparingTo("1");
        assertThat(figure(asRegistered, "average-portfolio", "numerator")).isEqualByComparingTo("1");

        JsonPath asReoriented = indicators(structure, reoriented);
        assertThat(figure(asReoriented, "entries-by-orientation-source", "numerator")).isEqualByComparingTo("1");
        assertThat(figure(asReoriented, "entries-by-orientation-source", "denominator")).isEqualByComparingTo("1");
        assertThat(figure(asReoriented, "average-portfolio", "numerator")).isEqualByComparingTo("1");

        JsonPath now = indicators(structure, null);
        assertThat(figure(now, "entries-by-orientation-source", "denominator")).isEqualByComparingTo("0");
        assertThat(figure(now, "average-portfolio", "numerator")).isEqualByComparingTo("0");
    }

    @Test
    void aCorrectedEndDateCountsTheCounsellorOnlyFromTheCorrection() {
        UUID structure = structure();
        UUID stays = UUID.randomUUID();
        UUID leaves = UUID.randomUUID();
        publish(new CounsellorRegistered(stays, structure, d("2015-01-01")));
        publish(new CounsellorRegistered(leaves, structure, d("2015-01-01")));
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
        UUID structure = structure();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID alone = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        publish(new CounsellorRegistered(first, structure, d("2015-01-01")));
        publish(new CounsellorRegistered(second, structure, d("2015-01-01")));
        publish(person(alone, structure, first, "2016-01-04", OrientationSource.POLE_EMPLOI));
        publish(person(moved, structure, first, "2016-02-01", OrientationSource.POLE_EMPLOI));
        Instant oneReferent = applied();

        publish(new ReferentAssigned(moved, structure, second, first, d("2016-06-01")));
        applied();

        // two people in one portfolio, then one in each
        JsonPath before = indicators(structure, oneReferent);
        assertThat(figure(before, "average-portfolio", "value")).isEqualByComparingTo("2.00");
        assertThat(figure(before, "average-portfolio", "denominator")).isEqualByComparingTo("1");
        JsonPath after = indicators(structure, null);
        assertThat(figure(after, "average-portfolio", "value")).isEqualByComparingTo("1.00");
        assertThat(figure(after, "average-portfolio", "denominator")).isEqualByComparingTo("2");
        // the first half-year ended before the change took effect
        assertThat(given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016-Q1")
                .queryParam("scope", "structure").queryParam("scopeId", structure.toString())
                .get("/api/v1/indicators").then().statusCode(200).extract().jsonPath()
                .getString("indicators.find { it.id == 'average-portfolio' }.denominator")).isEqualTo("1");
    }

    private static UUID structure() {
        UUID id = UUID.randomUUID();
        publish(new StructureRegistered(id, "V" + id.toString().substring(0, 6), "Cap emploi", "75", "33",
                d("2015-01-01")));
        return id;
    }

    private static BeneficiaryRegistered person(UUID id, UUID structure, UUID referent, String entry,
            OrientationSource source) {
        return new BeneficiaryRegistered(id, structure, referent, d(entry), 1975, BeneficiaryRegistered.Sex.MALE,
                BeneficiaryRegistered.StatusAtEntry.JOB_SEEKER, true, BeneficiaryRegistered.QualificationLevel.LEVEL_4,
                6, source);
    }

    private static BeneficiaryProfileChanged profile(UUID id, UUID structure, String entry, OrientationSource source) {
        return new BeneficiaryProfileChanged(id, structure, d("2017-03-01"), d(entry), 1975,
                BeneficiaryRegistered.Sex.MALE, BeneficiaryRegistered.StatusAtEntry.JOB_SEEKER, true,
                BeneficiaryRegistered.QualificationLevel.LEVEL_4, 6, source);
    }

    private static void publish(DomainEvent event) {
        TestEvents.publish(event, Instant.parse("2016-06-01T08:00:00Z"));
    }

    /** Waits until everything published is applied; every later event is recorded after the instant returned. */
    private static Instant applied() {
        ReportingScenario.awaitApplied();
        return Instant.now();
    }

    private static JsonPath indicators(UUID structure, Instant asOf) {
        var request = given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016")
                .queryParam("scope", "structure").queryParam("scopeId", structure.toString());
        if (asOf != null) {
            request = request.queryParam("asOf", asOf.toString());
        }
        return request.get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal figure(JsonPath indicators, String id, String field) {
        return new BigDecimal(indicators.getString("indicators.find { it.id == '" + id + "' }." + field));
    }

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }
}
