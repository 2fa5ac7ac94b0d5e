package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.cep.config.RealRegistry;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.awaitility.Awaitility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The two services for real: the real beneficiary-service runs as a process ({@link RealRegistry}); the structure, its
 * counsellor and the person are registered through its API; its events reach this service over the real broker; the
 * documents are asked of this service over HTTP and their text read back with PDFBox. Then the person's access log
 * shows the read, an erasure is a 410, and a registry that is down or hangs is a 503 with Retry-After.
 * <p>
 * Each test stands alone, in any order: the structure and its counsellor are registered once, on first use; a test
 * that counts reads or erases registers a person of its own; the outage is a relay cut and restored
 * ({@link RealRegistry#cut()}), the registry itself staying up for the other tests.
 */
@QuarkusTest
@TestProfile(RealRegistry.Profile.class)
class RegistryIntegrationTest {

    @Inject
    DataSource dataSource;

    /** A structure of the registry with one counsellor, registered once for the tests of this class. */
    private record Structure(UUID id, UUID counsellor, String counsellorToken) {
    }

    private static Structure structure;

    /** A person registered by the counsellor, with an accompaniment (synthesis issued) and a routed level-1 contact. */
    private record Person(UUID id, String accompaniment, String contact) {
    }

    private static synchronized Structure structure() {
        if (structure == null) {
            UUID id = UUID.fromString(registry(TestTokens.admin()).body("{\"code\":\"034\",\"name\":\"Cap emploi "
                    + "Hérault\",\"region\":\"76\",\"department\":\"34\",\"registeredOn\":\"2015-01-05\"}").post("/api/v1/structures")
                    .then().statusCode(201).extract().path("id"));
            UUID counsellor = UUID.fromString(registry(TestTokens.admin()).body("{\"displayName\":\"Claire Dupont\","
                    + "\"activeFrom\":\"2015-01-05\"}").post("/api/v1/structures/" + id + "/counsellors")
                    .then().statusCode(201).extract().path("id"));
            structure = new Structure(id, counsellor, TestTokens.counsellor(id));
        }
        return structure;
    }

    /** Aurélie Lefèvre, whose names the documents must carry. */
    private Person lefevre() {
        UUID person = register("{\"lastName\":\"Lefèvre\",\"firstName\":\"Aurélie\","
                + "\"birthDate\":\"1981-07-23\",\"sex\":\"FEMALE\",\"statusAtEntry\":\"JOB_SEEKER\","
                + "\"qualificationLevel\":\"LEVEL_3\",\"inactivityMonths\":14,\"orientationSource\":\"POLE_EMPLOI\","
                + "\"entryDate\":\"2016-02-15\"");
        // the CEP work names the person by id only; this service learns of them from the registry's event
        String accompaniment = accompanimentWithSynthesis(person);
        String contact = cep().body("{\"contactDate\":\"2016-03-14\",\"channel\":\"ON_SITE\",\"request\":\"CEP_INFORMATION\","
                + "\"beneficiaryId\":\"" + person + "\",\"counsellorId\":\"" + structure().counsellor() + "\",\"routedTo\":"
                + "\"MISSION_LOCALE\",\"liaisonSheetIssued\":true}").post("/api/v1/cep/level1-contacts")
                .then().statusCode(201).extract().path("id");
        return new Person(person, accompaniment, contact);
    }

    /** Registers a person of the structure, its counsellor as referent; {@code fields} is the body without its end. */
    private static UUID register(String fields) {
        return UUID.fromString(registry(structure().counsellorToken()).body(fields + ",\"referentCounsellorId\":\""
                + structure().counsellor() + "\"}").post("/api/v1/beneficiaries").then().statusCode(201)
                .extract().path("id"));
    }

    @Test
    void theDossierDeSyntheseAndTheFicheDeLiaisonCarryTheNamesAndNoIdentifier() throws IOException {
        Person lefevre = lefevre();
        String accompaniment = lefevre.accompaniment();
        String contact = lefevre.contact();

        String dossier = text(cep().accept("application/pdf").get("/api/v1/cep/accompaniments/" + accompaniment
                + "/synthesis-document").then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertThat(dossier).contains("Dossier de synthèse", "Madame Aurélie Lefèvre", "23 juillet 1981",
                "Cap emploi Hérault (034)", "Claire Dupont", "Devenir préparateur de commandes");
        assertThat(dossier).doesNotContainPattern(DocumentTest.UUID_PATTERN);

        String sheet = text(cep().accept("application/pdf").get("/api/v1/cep/liaison-sheets/" + contact)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertThat(sheet).contains("Fiche de liaison", "Cap emploi Hérault (034)", "Claire Dupont", "Mission locale");
        // the person's identity travels separately, never on the sheet sent to another operator
        assertThat(sheet).doesNotContain("Lefèvre", "Aurélie", "1981");
        assertThat(sheet).doesNotContainPattern(DocumentTest.UUID_PATTERN);

        cep().accept("application/json").get("/api/v1/cep/accompaniments/" + accompaniment + "/synthesis-document")
                .then().statusCode(200).body("beneficiary.civility", equalTo("Madame"))
                .body("beneficiary.lastName", equalTo("Lefèvre")).body("structure.regionName", equalTo("Occitanie"))
                .body("referentCounsellor.displayName", equalTo("Claire Dupont"));
    }

    @Test
    void theReadIsInThePersonsAccessLogUnderTheCounsellorsName() {
        Person lefevre = lefevre();
        for (String accept : List.of("application/pdf", "application/json")) {
            cep().accept(accept).get("/api/v1/cep/accompaniments/" + lefevre.accompaniment() + "/synthesis-document")
                    .then().statusCode(200);
        }
        cep().accept("application/pdf").get("/api/v1/cep/liaison-sheets/" + lefevre.contact()).then().statusCode(200);
        List<Map<String, Object>> entries = registry(TestTokens.manager(structure().id()))
                .get("/api/v1/beneficiaries/" + lefevre.id() + "/access-log?size=200").then().statusCode(200)
                .extract().path("items");
        String counsellorName = "counsellor-" + structure().id() + "@test.cepcpf.fr";
        // the dossier was rendered twice (PDF and JSON): two reads by the counsellor; the sheet reads no person
        assertThat(entries).filteredOn(e -> "READ".equals(e.get("action")))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.get("callerName")).isEqualTo(counsellorName);
                    assertThat(e.get("callerRole")).isEqualTo("counsellor");
                });
    }

    @Test
    void nothingPersonalIsKeptInThisServicesTables() throws SQLException {
        // the person's names pass through this service when it renders their documents
        Person lefevre = lefevre();
        for (String accept : List.of("application/pdf", "application/json")) {
            cep().accept(accept).get("/api/v1/cep/accompaniments/" + lefevre.accompaniment() + "/synthesis-document")
                    .then().statusCode(200);
        }
        // every text column of every table of this service's database, outbox and processed events included
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet found = connection.createStatement().executeQuery("SELECT table_name, column_name FROM "
                        + "information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', "
                        + "'character varying', 'json', 'jsonb')")) {
            while (found.next()) {
                columns.add("\"" + found.getString(1) + "\".\"" + found.getString(2) + "\"");
            }
        }
        assertThat(columns).isNotEmpty();
        try (Connection connection = dataSource.getConnection()) {
            for (String column : columns) {
                String table = column.substring(0, column.indexOf('.'));
                try (ResultSet hits = connection.createStatement().executeQuery("SELECT count(*) FROM " + table
                        + " WHERE " + column + "::text ILIKE '%Lefèvre%' OR " + column + "::text ILIKE '%Aurélie%' "
                        + "OR " + column + "::text LIKE '%1981-07-23%'")) {
                    hits.next();
                    assertThat(hits.getLong(1)).as(column).isZero();
                }
            }
        }
    }

    @Test
    void anErasedPersonsDocumentsAreGone() {
        UUID erased = register("{\"lastName\":\"Bernard\",\"firstName\":\"Marc\","
                + "\"birthDate\":\"1970-01-30\",\"sex\":\"MALE\",\"statusAtEntry\":\"JOB_SEEKER\","
                + "\"qualificationLevel\":\"LEVEL_4\",\"orientationSource\":\"POLE_EMPLOI\",\"entryDate\":\"2016-02-15\"");
        String his = accompanimentWithSynthesis(erased);
        assertThat(text(cep().get("/api/v1/cep/accompaniments/" + his + "/synthesis-document").then().statusCode(200)
                .extract().asByteArray())).contains("Monsieur Marc Bernard");

        registry(TestTokens.manager(structure().id())).delete("/api/v1/beneficiaries/" + erased).then().statusCode(204);
        // at once, whether or not BeneficiaryErased has reached this service yet: the registry's tombstone or the
        // local directory, the answer is the same
        for (String accept : List.of("application/pdf", "application/json")) {
            cep().accept(accept).get("/api/v1/cep/accompaniments/" + his + "/synthesis-document").then()
                    .statusCode(410).contentType("application/problem+json")
                    .body("type", equalTo("https://cepcpf.capemploi.fr/problems/beneficiary-erased"));
        }
        awaitReadTraced(erased, his);
    }

    /**
     * The accompaniment of an erased person stays readable by the structure's staff; once this service has the
     * erasure, each read is in the person's one access log, at the registry, under the reader's name.
     */
    private void awaitReadTraced(UUID erased, String accompaniment) {
        String record = "cep-service/accompaniment/" + accompaniment;
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            cep().get("/api/v1/cep/accompaniments/" + accompaniment).then().statusCode(200)
                    .body("beneficiaryId", equalTo(erased.toString()));
            List<Map<String, Object>> entries = registry(TestTokens.manager(structure().id()))
                    .get("/api/v1/beneficiaries/" + erased + "/access-log").then().statusCode(200).extract().path("items");
            assertThat(entries).filteredOn(e -> "RECORD_READ".equals(e.get("action")) && record.equals(e.get("record")))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.get("callerName"))
                            .isEqualTo("counsellor-" + structure().id() + "@test.cepcpf.fr"));
        });
    }

    @Test
    void whenTheRegistryIsDownOrHangsThereIsNoDocumentButA503WithRetryAfter() throws IOException {
        Person lefevre = lefevre();
        String accompaniment = lefevre.accompaniment();
        UUID erased = register("{\"lastName\":\"Petit\",\"firstName\":\"Luc\",\"birthDate\":\"1975-04-02\","
                + "\"sex\":\"MALE\",\"statusAtEntry\":\"JOB_SEEKER\",\"qualificationLevel\":\"LEVEL_4\","
                + "\"orientationSource\":\"POLE_EMPLOI\",\"entryDate\":\"2016-02-15\"");
        String erasedAccompaniment = accompanimentWithSynthesis(erased);
        registry(TestTokens.manager(structure().id())).delete("/api/v1/beneficiaries/" + erased).then().statusCode(204);
        awaitReadTraced(erased, erasedAccompaniment);

        RealRegistry.cut();
        try {
            // a read that cannot be traced in the erased person's access log is not served either; other reads are
            cep().get("/api/v1/cep/accompaniments/" + erasedAccompaniment).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "7")
                    .body("type", equalTo("https://cepcpf.capemploi.fr/problems/registry-unavailable"));
            cep().get("/api/v1/cep/accompaniments/" + accompaniment).then().statusCode(200);
            for (String path : List.of("/api/v1/cep/accompaniments/" + accompaniment + "/synthesis-document",
                    "/api/v1/cep/liaison-sheets/" + lefevre.contact())) {
                cep().accept("application/pdf").get(path).then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", "7")
                        .body("type", equalTo("https://cepcpf.capemploi.fr/problems/registry-unavailable"));
            }
            hangs(accompaniment);
        } finally {
            RealRegistry.restore();
        }
    }

    /** Something listens on the registry's port but never answers: the client gives up (read timeout). */
    private void hangs(String accompaniment) throws IOException {
        List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(RealRegistry.servicePort(), 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            cep().accept("application/json").get("/api/v1/cep/accompaniments/" + accompaniment + "/synthesis-document")
                    .then().statusCode(503).header("Retry-After", "7");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private String accompanimentWithSynthesis(UUID beneficiary) {
        String diagnostic = cep().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosedOn\":\"2016-02-22\","
                + "\"workAxis\":\"PROJECT_ELABORATION\",\"barriers\":[\"MOBILITY\"],\"counsellorId\":\"" + structure().counsellor()
                + "\"}").post("/api/v1/cep/diagnostics").then().statusCode(201).extract().path("id");
        String id = cep().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + diagnostic
                + "\",\"startDate\":\"2016-02-29\"}").post("/api/v1/cep/accompaniments")
                .then().statusCode(201).extract().path("id");
        cep().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Devenir préparateur de commandes\","
                + "\"strategy\":\"Valider par une PMSMP\",\"counsellorId\":\"" + structure().counsellor() + "\"}")
                .post("/api/v1/cep/accompaniments/" + id + "/synthesis").then().statusCode(200);
        return id;
    }

    private static RequestSpecification cep() {
        return given().auth().oauth2(structure().counsellorToken()).contentType(ContentType.JSON);
    }

    private static RequestSpecification registry(String token) {
        return given().baseUri(RealRegistry.url()).port(RealRegistry.port()).auth().oauth2(token)
                .contentType(ContentType.JSON);
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
