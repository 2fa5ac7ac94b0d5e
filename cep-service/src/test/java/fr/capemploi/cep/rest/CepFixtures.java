package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.events.cpf.TrainingProjectCreated;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One structure's CEP story built over HTTP, the way a front end does. Beneficiaries are registered by publishing
 * BeneficiaryRegistered as the beneficiary service would; the CEP service waits for it when a request names them.
 */
final class CepFixtures {

    /** The network's most frequent write: an anonymous phone call, not routed, credited to nobody. */
    static final String ANONYMOUS_CALL = "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\","
            + "\"request\":\"CPF_INFORMATION\",\"liaisonSheetIssued\":false}";

    final UUID structure = UUID.randomUUID();
    final UUID counsellor = UUID.randomUUID();

    /** The structure's counsellor is announced as the beneficiary service would: CEP records may only name known ones. */
    CepFixtures() {
        counsellorOf(structure, counsellor);
    }

    static void counsellorOf(UUID structure, UUID counsellor) {
        TestEvents.publish(new CounsellorRegistered(counsellor, structure, LocalDate.of(2015, 1, 5)),
                Instant.parse("2015-01-05T09:00:00Z"));
    }

    /** A CPF training project of the accompaniment's person, announced as the cpf service would. */
    UUID trainingProject(String accompaniment) {
        UUID beneficiary = JsonAnswer.id(asCounsellor().get("/api/v1/cep/accompaniments/" + accompaniment).then()
                .statusCode(200).extract().response(), "/beneficiaryId");
        UUID project = UUID.randomUUID();
        TestEvents.publish(new TrainingProjectCreated(project, beneficiary, structure, counsellor,
                UUID.fromString(accompaniment), TrainingProjectCreated.CertificationKind.RNCP, "RNCP35851", true,
                TrainingProjectCreated.EligibilityList.RNCP_RS, null, 400, new java.math.BigDecimal("4800.00"),
                LocalDate.of(2016, 9, 1), LocalDate.of(2017, 3, 31), LocalDate.of(2016, 4, 11)),
                Instant.parse("2016-04-11T09:00:00Z"));
        return project;
    }

    String counsellorToken() {
        return TestTokens.counsellor(structure);
    }

    String managerToken() {
        return TestTokens.manager(structure);
    }

    RequestSpecification asCounsellor() {
        return given().auth().oauth2(counsellorToken()).contentType(ContentType.JSON);
    }

    /** Nothing about the person is listed at that path for this structure: what a refused write leaves. */
    void assertNothingListedFor(UUID beneficiary, String path) {
        asCounsellor().queryParam("beneficiaryId", beneficiary.toString()).get(path).then().statusCode(200)
                .body("total", equalTo(0));
    }

    UUID registeredBeneficiary() {
        UUID beneficiary = UUID.randomUUID();
        TestEvents.publish(registration(beneficiary, structure, counsellor), Instant.parse("2016-02-15T09:00:00Z"));
        return beneficiary;
    }

    static BeneficiaryRegistered registration(UUID beneficiary, UUID structure, UUID referent) {
        return new BeneficiaryRegistered(beneficiary, structure, referent, LocalDate.of(2016, 2, 15), 1974, Sex.FEMALE,
                StatusAtEntry.JOB_SEEKER, true, QualificationLevel.LEVEL_3, 14, OrientationSource.POLE_EMPLOI);
    }

    String diagnostic(UUID beneficiary, String workAxis) {
        return JsonAnswer.text(asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\","
                + "\"diagnosedOn\":\"2016-02-22\",\"workAxis\":\"" + workAxis + "\","
                + "\"barriers\":[\"QUALIFICATION\",\"MOBILITY\"],\"counsellorId\":\"" + counsellor + "\"}")
                .post("/api/v1/cep/diagnostics").then().statusCode(201).extract().response(), "/id");
    }

    /** An open accompaniment of a new beneficiary, from a diagnostic on the given axis. */
    String accompaniment(String workAxis) {
        UUID beneficiary = registeredBeneficiary();
        return open(beneficiary, diagnostic(beneficiary, workAxis));
    }

    /** The accompaniment of {@code beneficiary} opened from {@code diagnostic} on 29 February 2016: its id. */
    String open(UUID beneficiary, String diagnostic) {
        return JsonAnswer.text(asCounsellor().body(opening(beneficiary, diagnostic))
                .post("/api/v1/cep/accompaniments").then().statusCode(201).extract().response(), "/id");
    }

    static String opening(UUID beneficiary, String diagnostic) {
        return "{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + diagnostic
                + "\",\"startDate\":\"2016-02-29\"}";
    }

    String accompaniment() {
        return accompaniment("PROJECT_ELABORATION");
    }

    String pmsmp(String accompaniment, String start, String end) {
        return JsonAnswer.text(asCounsellor().body(pmsmpBody(start, end, null)).post(actions(accompaniment))
                .then().statusCode(201).extract().response(), "/id");
    }

    static String pmsmpBody(String start, String end, String renewalOf) {
        return "{\"kind\":\"PMSMP\",\"label\":\"Découverte du métier de préparateur de commandes\","
                + "\"plannedOn\":\"2016-03-01\",\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\","
                + "\"pmsmpPurpose\":\"DISCOVER_JOB\",\"hostName\":\"Logistique du Val SARL\","
                + "\"hostSiret\":\"73282932000074\"" + (renewalOf == null ? "" : ",\"renewalOf\":\"" + renewalOf + "\"")
                + "}";
    }

    static String actions(String accompaniment) {
        return "/api/v1/cep/accompaniments/" + accompaniment + "/actions";
    }

    /** An anonymous level-1 contact routed with a fiche de liaison. */
    String routedContact() {
        return JsonAnswer.text(asCounsellor().body("{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\","
                + "\"request\":\"CEP_INFORMATION\",\"counsellorId\":\"" + counsellor + "\",\"routedTo\":\"OPACIF\","
                + "\"liaisonSheetIssued\":true}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(201).extract().response(), "/id");
    }

    /** An accompaniment whose dossier de synthèse was issued. */
    String accompanimentWithSynthesis() {
        String id = accompaniment();
        asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Devenir préparateur de commandes\","
                + "\"strategy\":\"Valider par une PMSMP\"}").post("/api/v1/cep/accompaniments/" + id + "/synthesis")
                .then().statusCode(200);
        return id;
    }
}
