package fr.capemploi.cep.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import fr.capemploi.cep.rest.client.StubBeneficiaryRegistry;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The fiche de liaison and the dossier de synthèse are real PDF files in French: their text is read back. The names
 * come from a stub of beneficiary-service here (layout and rules); the system tests' {@code CepWithTheRegistry} runs
 * the real one.
 */
@QuarkusTest
class DocumentTest {

    static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final CepFixtures fixtures = new CepFixtures();

    @Test
    void theFicheDeLiaisonNamesTheStructureTheCounsellorTheRequestAndTheRouting() throws IOException {
        namedStructure("Cap emploi Hérault", "034");
        StubBeneficiaryRegistry.counsellor(fixtures.counsellor, "Élodie Garnier");
        UUID beneficiary = fixtures.registeredBeneficiary();
        String contact = fixtures.asCounsellor().body("{\"contactDate\":\"2016-03-14\",\"channel\":\"ON_SITE\","
                + "\"request\":\"CEP_INFORMATION\",\"beneficiaryId\":\"" + beneficiary + "\",\"counsellorId\":\""
                + fixtures.counsellor + "\",\"routedTo\":\"MISSION_LOCALE\",\"liaisonSheetIssued\":true}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(201)
                .body("liaisonSheet", startsWith("/api/v1/cep/liaison-sheets/")).extract().path("id");

        String token = fixtures.counsellorToken();
        byte[] pdf = io.restassured.RestAssured.given().auth().oauth2(token).accept("application/pdf")
                .get("/api/v1/cep/liaison-sheets/" + contact)
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"fiche-de-liaison-" + contact + ".pdf\"")
                .extract().asByteArray();
        String text = text(pdf);
        assertThat(text).contains("Fiche de liaison", "Conseil en évolution professionnelle — niveau 1 : accueil "
                + "individualisé", "Cap emploi Hérault (034)", "Conseiller Élodie Garnier",
                "14 mars 2016", "Sur place", "Information sur le conseil en évolution professionnelle (CEP)",
                "Les données d'identité de la personne sont communiquées par la structure émettrice",
                "Orientée vers", "Mission locale", "Page 1 / 1");
        // the sheet goes to another operator: the person's identity is not on it, and no identifier is either
        assertThat(text).doesNotContain("anonyme", StubBeneficiaryRegistry.LAST_NAME, StubBeneficiaryRegistry.FIRST_NAME);
        assertThat(text).doesNotContainPattern(UUID_PATTERN);
        // the registry was asked as the caller, with the caller's own token
        assertThat(StubBeneficiaryRegistry.authorizationOf(fixtures.counsellor))
                .isEqualTo("Bearer " + token);

        fixtures.asCounsellor().accept("application/json").get("/api/v1/cep/liaison-sheets/" + contact)
                .then().statusCode(200).contentType("application/json")
                .body("routedTo", equalTo("MISSION_LOCALE")).body("routedToLabel", equalTo("Mission locale"))
                .body("structure.name", equalTo("Cap emploi Hérault")).body("anonymous", equalTo(false))
                .body("counsellor.displayName", equalTo("Élodie Garnier"))
                .body("beneficiaryId", equalTo(beneficiary.toString()));
    }

    @Test
    void anAnonymousPersonsFicheCarriesNoPersonalDataAndPdfIsTheDefault() throws IOException {
        String contact = fixtures.routedContact();
        byte[] pdf = fixtures.asCounsellor().get("/api/v1/cep/liaison-sheets/" + contact)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(text(pdf)).contains("Personne anonyme : aucune donnée personnelle n'est transmise",
                "OPACIF (Fongecif)", "Téléphone", StubBeneficiaryRegistry.STRUCTURE_NAME);

        String withoutSheet = fixtures.asCounsellor().body("{\"contactDate\":\"2016-03-14\",\"channel\":\"REMOTE\","
                + "\"request\":\"OTHER\",\"liaisonSheetIssued\":false}").post("/api/v1/cep/level1-contacts")
                .then().statusCode(201).body("liaisonSheet", nullValue()).extract().path("id");
        fixtures.asCounsellor().get("/api/v1/cep/liaison-sheets/" + withoutSheet).then().statusCode(404)
                .contentType("application/problem+json");
        fixtures.asCounsellor().accept("text/html").get("/api/v1/cep/liaison-sheets/" + contact).then().statusCode(406);
    }

    @Test
    void theDossierDeSyntheseShowsProjectActionPlanAndDecision() throws IOException {
        namedStructure("Cap emploi Côte-d'Or", "021");
        StubBeneficiaryRegistry.counsellor(fixtures.counsellor, "Claire Dupont");
        String id = fixtures.accompaniment("TRAINING_PROJECT");
        String base = "/api/v1/cep/accompaniments/" + id;
        fixtures.asCounsellor().get(base + "/synthesis-document").then().statusCode(404);

        fixtures.asCounsellor().body("{\"informedOn\":\"2016-02-29\"}").post(base + "/cep-information").then().statusCode(200);
        fixtures.asCounsellor().body("{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"ON_SITE\"}")
                .post(base + "/interviews").then().statusCode(201);
        fixtures.asCounsellor().body("{\"heldOn\":\"2016-04-04\",\"durationMinutes\":30,\"mode\":\"PHONE\"}")
                .post(base + "/interviews").then().statusCode(201);
        String pmsmp = fixtures.pmsmp(id, "2016-03-14", "2016-04-08");
        fixtures.asCounsellor().body("{\"status\":\"DONE\",\"effectiveOn\":\"2016-04-08\"}")
                .patch(CepFixtures.actions(id) + "/" + pmsmp).then().statusCode(200);
        fixtures.asCounsellor().body("{\"kind\":\"ALTERNANCE\",\"plannedOn\":\"2016-04-11\",\"startDate\":\"2016-09-01\","
                + "\"alternanceContract\":\"APPRENTICESHIP\",\"label\":\"CAP préparateur\"}")
                .post(CepFixtures.actions(id)).then().statusCode(201);
        fixtures.asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Devenir préparateur de commandes en "
                + "entrepôt, en évitant le port de charges lourdes\",\"strategy\":\"Valider le projet par une PMSMP, "
                + "puis signer un contrat d'apprentissage à la rentrée\"}").post(base + "/synthesis").then().statusCode(200);

        String open = text(fixtures.asCounsellor().accept("application/pdf").get(base + "/synthesis-document")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertThat(open).contains("Accompagnement en cours");

        fixtures.asCounsellor().body("{\"closedOn\":\"2016-06-20\",\"outcome\":\"ENGAGE_PROJECT\"}")
                .post(base + "/close").then().statusCode(200);
        String text = text(fixtures.asCounsellor().get(base + "/synthesis-document").then().extract().asByteArray());
        assertThat(text).contains("Dossier de synthèse",
                "Niveau 3 — accompagnement personnalisé à la mise en œuvre du projet",
                "Personne accompagnée", "Nom Madame Hélène Martin", "Date de naissance 11 février 1974",
                "Cap emploi Côte-d'Or (021)", "Conseiller référent Claire Dupont", "Par Claire Dupont",
                "Définition, mise en œuvre et suivi d'un projet de formation",
                "29 février 2016", "Projet de formation", "Qualification, Mobilité",
                "Devenir préparateur de commandes en", "port de charges lourdes",
                "Valider le projet par une PMSMP",
                "Période de mise en situation en milieu professionnel (PMSMP)",
                "Réalisée le 8 avril 2016", "du 14 mars 2016 au 8 avril 2016",
                "Objet : Découvrir un métier ou un secteur d'activité", "Logistique du Val SARL",
                "Contrat en alternance — CAP préparateur", "Contrat d'apprentissage", "Prévue",
                "2 entretiens, 90 minutes au total", "Issue", "S'engager dans son projet d'évolution professionnelle",
                "Décision prise", "oui", "Remis le", "17 mai 2016");
        assertThat(text).doesNotContain("?");
        assertThat(text).doesNotContainPattern(UUID_PATTERN);

        fixtures.asCounsellor().accept("application/json").get(base + "/synthesis-document").then().statusCode(200)
                .body("level", equalTo(3))
                .body("synthesis.project", equalTo("Devenir préparateur de commandes en entrepôt, en évitant le port "
                        + "de charges lourdes"))
                .body("actionPlan", hasSize(2))
                .body("actionPlan[0].statusLabel", equalTo("Réalisée"))
                .body("interviews.count", equalTo(2))
                .body("decision.decisionTaken", equalTo(true))
                .body("decision.outcomeLabel", equalTo("S'engager dans son projet d'évolution professionnelle"))
                .body("beneficiary.civility", equalTo("Madame")).body("beneficiary.lastName", equalTo("Martin"))
                .body("beneficiary.birthDate", equalTo("1974-02-11"))
                .body("referentCounsellor.displayName", equalTo("Claire Dupont"))
                .body("structure.name", equalTo("Cap emploi Côte-d'Or"));
    }

    @Test
    void aRenewedPmsmpAndACpfTrainingAreNamedByWhatTheyAreNotByTheirIdentifiers() throws IOException {
        String id = fixtures.accompaniment("TRAINING_PROJECT");
        String first = fixtures.pmsmp(id, "2016-03-14", "2016-04-08");
        fixtures.asCounsellor().body(CepFixtures.pmsmpBody("2016-04-11", "2016-05-06", first))
                .post(CepFixtures.actions(id)).then().statusCode(201);
        fixtures.asCounsellor().body("{\"kind\":\"TRAINING\",\"plannedOn\":\"2016-04-11\",\"label\":\"CACES 1\","
                + "\"cpfTrainingProjectId\":\"" + fixtures.trainingProject(id) + "\"}").post(CepFixtures.actions(id))
                .then().statusCode(201);
        fixtures.asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Cariste\"}")
                .post("/api/v1/cep/accompaniments/" + id + "/synthesis").then().statusCode(200);
        String text = text(fixtures.asCounsellor().get("/api/v1/cep/accompaniments/" + id + "/synthesis-document")
                .then().statusCode(200).extract().asByteArray());
        assertThat(text).contains("Renouvellement de la PMSMP du 14 mars 2016 au 8 avril 2016",
                "Formation inscrite au projet de formation CPF de la personne");
        assertThat(text).doesNotContainPattern(UUID_PATTERN);
    }

    @Test
    void whenTheRegistryDoesNotAnswerThereIsNoDocumentButA503WithRetryAfter() {
        UUID counsellor = UUID.randomUUID();
        CepFixtures.counsellorOf(fixtures.structure, counsellor);
        StubBeneficiaryRegistry.failing(counsellor, 0);
        String contact = fixtures.asCounsellor().body("{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\","
                + "\"request\":\"CEP_INFORMATION\",\"counsellorId\":\"" + counsellor + "\",\"routedTo\":\"OPACIF\","
                + "\"liaisonSheetIssued\":true}").post("/api/v1/cep/level1-contacts").then().statusCode(201)
                .extract().path("id");
        for (String accept : new String[] {"application/pdf", "application/json"}) {
            fixtures.asCounsellor().accept(accept).get("/api/v1/cep/liaison-sheets/" + contact).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("https://cepcpf.capemploi.fr/problems/registry-unavailable"))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                            counsellor.toString())));
        }
        // a registry failing (5xx) is the same answer as one not answering
        StubBeneficiaryRegistry.failing(counsellor, 500);
        fixtures.asCounsellor().get("/api/v1/cep/liaison-sheets/" + contact).then().statusCode(503)
                .header("Retry-After", "5");
    }

    @Test
    void anErasureTheRegistryKnowsBeforeItsEventArrivedIs410AndA404ThereIs404() {
        String erased = fixtures.accompanimentWithSynthesis();
        UUID person = UUID.fromString(fixtures.asCounsellor().accept("application/json")
                .get("/api/v1/cep/accompaniments/" + erased).then().extract().path("beneficiaryId"));
        StubBeneficiaryRegistry.erased(person);
        fixtures.asCounsellor().get("/api/v1/cep/accompaniments/" + erased + "/synthesis-document").then()
                .statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://cepcpf.capemploi.fr/problems/beneficiary-erased"));

        String gone = fixtures.accompanimentWithSynthesis();
        UUID other = UUID.fromString(fixtures.asCounsellor().accept("application/json")
                .get("/api/v1/cep/accompaniments/" + gone).then().extract().path("beneficiaryId"));
        StubBeneficiaryRegistry.failing(other, 410);
        fixtures.asCounsellor().accept("application/json").get("/api/v1/cep/accompaniments/" + gone
                + "/synthesis-document").then().statusCode(410)
                .body("type", equalTo("https://cepcpf.capemploi.fr/problems/beneficiary-erased"));

        StubBeneficiaryRegistry.failing(other, 404);
        fixtures.asCounsellor().get("/api/v1/cep/accompaniments/" + gone + "/synthesis-document").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aLongDossierFlowsOntoMorePagesAndUnprintableCharactersDoNotBreakIt() throws IOException {
        String id = fixtures.accompaniment();
        for (int i = 0; i < 30; i++) {
            fixtures.asCounsellor().body("{\"kind\":\"PRESTATION\",\"plannedOn\":\"2016-03-01\",\"label\":\"Atelier "
                    + i + " ✅ sur la recherche de stage\"}").post(CepFixtures.actions(id)).then().statusCode(201);
        }
        fixtures.asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Projet 🚀 long\\nsur deux lignes\"}")
                .post("/api/v1/cep/accompaniments/" + id + "/synthesis").then().statusCode(200);
        byte[] pdf = fixtures.asCounsellor().get("/api/v1/cep/accompaniments/" + id + "/synthesis-document")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Dossier de synthèse");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
        }
        String text = text(pdf);
        assertThat(text).contains("Atelier 29 ? sur la recherche de stage", "Projet ? long", "sur deux lignes", "Page 2 / ");
    }

    private void namedStructure(String name, String code) {
        StubBeneficiaryRegistry.structure(fixtures.structure, name, code);
    }


    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines wrapped by the layout join with a space, so phrases are found whatever the wrapping
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
