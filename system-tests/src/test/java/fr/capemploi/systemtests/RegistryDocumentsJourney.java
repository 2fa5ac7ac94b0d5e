package fr.capemploi.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.localstack.DatabaseServer;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.ServiceProcess;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.TokenMinter;
import fr.capemploi.systemtests.SuiteApi.Answer;
import fr.capemploi.systemtests.SuiteApi.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * cep-service's documents with the real beneficiary-service, on a running suite (no boot of its own): the structure,
 * its counsellor and the person are registered through beneficiary-service's API, their events reach cep-service over
 * the broker, and the documents cep-service renders carry the names it asks the registry for. Each read is in the
 * person's access log at the registry, nothing personal stays in cep-service's tables, an erased person's documents
 * are 410, and a registry that is down or hangs is a 503 with Retry-After. What the rendering itself shows (every
 * section, long dossiers, an anonymous person's sheet) is cep-service's {@code DocumentTest}, against a stub registry.
 */
final class RegistryDocumentsJourney {

    static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final Duration RESTART = Duration.ofMinutes(3);
    private static final String COUNSELLOR = "counsellor";
    private static final String PDF = "application/pdf";
    private static final String JSON = "application/json";
    private static final String REGISTRY_UNAVAILABLE = "https://cepcpf.capemploi.fr/problems/registry-unavailable";
    /** cep-service's default ({@code BENEFICIARY_SERVICE_RETRY_AFTER}): the stack does not set it. */
    private static final String RETRY_AFTER = "5";

    private final LocalStack stack;
    private final SuiteApi api;
    private Structure structure;

    RegistryDocumentsJourney(LocalStack stack, SuiteApi api) {
        this.stack = stack;
        this.api = api;
    }

    /** A structure of the registry with one counsellor, registered on first use by this journey's scenarios. */
    private record Structure(UUID id, UUID counsellor) {
    }

    /** A person of the structure with an accompaniment (synthesis issued) and a routed level-1 contact. */
    private record Person(UUID id, UUID accompaniment, UUID contact) {
    }

    void theDossierDeSyntheseAndTheFicheDeLiaisonCarryTheNamesAndNoIdentifier() {
        Person lefevre = person("Aurélie", "Lefèvre");

        String dossier = pdfText(SuiteService.CEP, synthesis(lefevre.accompaniment()));
        assertContains(dossier, "Dossier de synthèse", "Madame Aurélie Lefèvre", "23 juillet 1981",
                "Cap emploi Hérault", "Claire Dupont", "Devenir préparateur de commandes");
        assertFalse(UUID_PATTERN.matcher(dossier).find(), dossier);

        String sheet = pdfText(SuiteService.CEP, "/api/v1/cep/liaison-sheets/" + lefevre.contact());
        assertContains(sheet, "Fiche de liaison", "Cap emploi Hérault", "Claire Dupont", "Mission locale");
        // the person's identity travels separately, never on the sheet sent to another operator
        for (String personal : List.of("Lefèvre", "Aurélie", "1981")) {
            assertFalse(sheet.contains(personal), personal + " on the sheet: " + sheet);
        }
        assertFalse(UUID_PATTERN.matcher(sheet).find(), sheet);

        JsonNode json = json(api.document(SuiteService.CEP, synthesis(lefevre.accompaniment()), COUNSELLOR,
                structure().id(), JSON));
        assertEquals("Madame", json.path("beneficiary").path("civility").asText(), json.toString());
        assertEquals("Lefèvre", json.path("beneficiary").path("lastName").asText(), json.toString());
        assertEquals("Occitanie", json.path("structure").path("regionName").asText(), json.toString());
        assertEquals("Claire Dupont", json.path("referentCounsellor").path("displayName").asText(), json.toString());
    }

    void theReadIsInThePersonsAccessLogUnderTheCounsellorsName() {
        Person lefevre = person("Aurélie", "Lefèvre");
        for (String accept : List.of(PDF, JSON)) {
            served(api.document(SuiteService.CEP, synthesis(lefevre.accompaniment()), COUNSELLOR, structure().id(),
                    accept));
        }
        served(api.document(SuiteService.CEP, "/api/v1/cep/liaison-sheets/" + lefevre.contact(), COUNSELLOR,
                structure().id(), PDF));

        // the dossier was rendered twice (PDF and JSON): two reads by the counsellor; the sheet reads no person
        List<JsonNode> reads = new ArrayList<>();
        for (JsonNode entry : accessLog(lefevre.id())) {
            if ("READ".equals(entry.path("action").asText())) {
                reads.add(entry);
            }
        }
        assertEquals(2, reads.size(), reads.toString());
        for (JsonNode read : reads) {
            assertEquals(TokenMinter.subject(COUNSELLOR, structure().id()), read.path("callerName").asText());
            assertEquals(COUNSELLOR, read.path("callerRole").asText());
        }
    }

    /** Every text column of every table of cep-service's database, outbox and processed events included. */
    void nothingPersonalIsKeptInCepServicesTables() throws SQLException {
        // the person's names pass through cep-service when it renders their documents
        Person lefevre = person("Aurélie", "Lefèvre");
        for (String accept : List.of(PDF, JSON)) {
            served(api.document(SuiteService.CEP, synthesis(lefevre.accompaniment()), COUNSELLOR, structure().id(),
                    accept));
        }
        DatabaseServer database = stack.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(SuiteService.CEP.database()),
                database.user(), database.password()); Statement statement = connection.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("SELECT table_name, column_name FROM "
                    + "information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', "
                    + "'character varying', 'json', 'jsonb')")) {
                while (found.next()) {
                    columns.add("\"" + found.getString(1) + "\".\"" + found.getString(2) + "\"");
                }
            }
            assertFalse(columns.isEmpty(), "no text column in cep-service's database");
            for (String column : columns) {
                String table = column.substring(0, column.indexOf('.'));
                try (ResultSet hits = statement.executeQuery("SELECT count(*) FROM " + table + " WHERE " + column
                        + "::text ILIKE '%Lefèvre%' OR " + column + "::text ILIKE '%Aurélie%' OR " + column
                        + "::text LIKE '%1981-07-23%'")) {
                    hits.next();
                    assertEquals(0, hits.getLong(1), column);
                }
            }
        }
    }

    void anErasedPersonsDocumentsAreGone() {
        Person bernard = person("Marc", "Bernard");
        assertContains(pdfText(SuiteService.CEP, synthesis(bernard.accompaniment())), "Marc Bernard");

        erase(bernard.id());
        // at once, whether or not BeneficiaryErased has reached cep-service yet: the registry's tombstone or the
        // local directory, the answer is the same
        for (String accept : List.of(PDF, JSON)) {
            Document gone = api.document(SuiteService.CEP, synthesis(bernard.accompaniment()), COUNSELLOR,
                    structure().id(), accept);
            assertEquals(410, gone.status(), gone.toString());
            assertProblem(gone, "https://cepcpf.capemploi.fr/problems/beneficiary-erased");
        }
        awaitReadTraced(bernard);
    }

    /**
     * beneficiary-service killed, then its port held by a listener that never answers: a read that cannot be traced
     * in an erased person's access log is not served, nor is a document, the other reads are; then the registry
     * starts again and what it announces after its crash still reaches cep-service.
     */
    void whenTheRegistryIsDownOrHangsThereIsNoDocumentButA503WithRetryAfter() throws IOException {
        Person lefevre = person("Aurélie", "Lefèvre");
        Person petit = person("Luc", "Petit");
        erase(petit.id());
        awaitReadTraced(petit);

        ServiceProcess registry = stack.service(SuiteService.BENEFICIARY);
        registry.kill();
        try {
            Answer untraceable = api.call("GET", SuiteService.CEP, "/api/v1/cep/accompaniments/"
                    + petit.accompaniment(), COUNSELLOR, structure().id(), null);
            assertEquals(503, untraceable.status(), untraceable.toString());
            assertTrue(untraceable.contentType().startsWith("application/problem+json"), untraceable.toString());
            assertEquals(REGISTRY_UNAVAILABLE, untraceable.body().path("type").asText(), untraceable.toString());
            Answer other = api.call("GET", SuiteService.CEP, "/api/v1/cep/accompaniments/" + lefevre.accompaniment(),
                    COUNSELLOR, structure().id(), null);
            assertEquals(200, other.status(), other.toString());
            for (String path : List.of(synthesis(lefevre.accompaniment()),
                    "/api/v1/cep/liaison-sheets/" + lefevre.contact())) {
                unavailable(api.document(SuiteService.CEP, path, COUNSELLOR, structure().id(), PDF));
            }
            hangs(registry.port(), lefevre);
        } finally {
            registry.start();
            registry.awaitReady(RESTART);
        }
        // the registry's relay publishes again after its crash: a person registered now reaches cep-service
        Person after = person("Léa", "Martin");
        assertContains(pdfText(SuiteService.CEP, synthesis(after.accompaniment())), "Léa Martin");
    }

    /** Something listens on the registry's port but never answers: cep-service gives up (read timeout). */
    private void hangs(int port, Person person) throws IOException {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the scenario is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            unavailable(api.document(SuiteService.CEP, synthesis(person.accompaniment()), COUNSELLOR,
                    structure().id(), JSON));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private synchronized Structure structure() {
        if (structure == null) {
            UUID id = api.created(SuiteService.BENEFICIARY, "/api/v1/structures", "admin", null, Map.of("code",
                    SuiteApi.uniqueCode(), "name", "Cap emploi Hérault", "region", "76", "department", "34",
                    "registeredOn", SuiteApi.today()));
            structure = new Structure(id, api.counsellor(id));
        }
        return structure;
    }

    /**
     * A person registered by the counsellor; the CEP work names them by id only, cep-service learns of them from the
     * registry's event (a write is sent again until it has).
     */
    private Person person(String firstName, String lastName) {
        Structure s = structure();
        UUID person = api.person(s.id(), s.counsellor(), firstName, lastName);
        String counsellor = s.counsellor().toString();
        UUID diagnostic = api.created(SuiteService.CEP, "/api/v1/cep/diagnostics", COUNSELLOR, s.id(), Map.of(
                "beneficiaryId", person.toString(), "diagnosedOn", "2016-02-22", "workAxis", "PROJECT_ELABORATION",
                "barriers", List.of("MOBILITY"), "counsellorId", counsellor));
        UUID accompaniment = api.created(SuiteService.CEP, "/api/v1/cep/accompaniments", COUNSELLOR, s.id(), Map.of(
                "beneficiaryId", person.toString(), "diagnosticId", diagnostic.toString(), "startDate", "2016-02-29"));
        Answer synthesis = api.call("POST", SuiteService.CEP, "/api/v1/cep/accompaniments/" + accompaniment
                + "/synthesis", COUNSELLOR, s.id(), Map.of("issuedOn", "2016-05-17", "project",
                "Devenir préparateur de commandes", "strategy", "Valider par une PMSMP", "counsellorId", counsellor));
        assertEquals(200, synthesis.status(), synthesis.toString());
        UUID contact = api.created(SuiteService.CEP, "/api/v1/cep/level1-contacts", COUNSELLOR, s.id(), Map.of(
                "contactDate", "2016-03-14", "channel", "ON_SITE", "request", "CEP_INFORMATION", "beneficiaryId",
                person.toString(), "counsellorId", counsellor, "routedTo", "MISSION_LOCALE", "liaisonSheetIssued",
                true));
        return new Person(person, accompaniment, contact);
    }

    private void erase(UUID person) {
        Answer erased = api.call("DELETE", SuiteService.BENEFICIARY, "/api/v1/beneficiaries/" + person, "manager",
                structure().id(), null);
        assertEquals(204, erased.status(), erased.toString());
    }

    /**
     * The accompaniment of an erased person stays readable by the structure's staff; once cep-service has the
     * erasure, each read is in the person's one access log, at the registry, under the reader's name.
     */
    private void awaitReadTraced(Person person) {
        String record = "cep-service/accompaniment/" + person.accompaniment();
        await(record + " read and traced").atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() -> {
            Answer read = api.call("GET", SuiteService.CEP, "/api/v1/cep/accompaniments/" + person.accompaniment(),
                    COUNSELLOR, structure().id(), null);
            assertEquals(200, read.status(), read.toString());
            assertEquals(person.id().toString(), read.body().path("beneficiaryId").asText());
            for (JsonNode entry : accessLog(person.id())) {
                if ("RECORD_READ".equals(entry.path("action").asText())
                        && record.equals(entry.path("record").asText())) {
                    assertEquals(TokenMinter.subject(COUNSELLOR, structure().id()), entry.path("callerName").asText());
                    return true;
                }
            }
            return false;
        });
    }

    private JsonNode accessLog(UUID person) {
        Answer log = api.call("GET", SuiteService.BENEFICIARY, "/api/v1/beneficiaries/" + person
                + "/access-log?size=200", "manager", structure().id(), null);
        assertEquals(200, log.status(), log.toString());
        return log.body().path("items");
    }

    private String pdfText(SuiteService service, String path) {
        Document pdf = served(api.document(service, path, COUNSELLOR, structure().id(), PDF));
        assertTrue(pdf.contentType().startsWith(PDF), pdf.toString());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String synthesis(UUID accompaniment) {
        return "/api/v1/cep/accompaniments/" + accompaniment + "/synthesis-document";
    }

    private static Document served(Document document) {
        assertEquals(200, document.status(), document.toString());
        return document;
    }

    private static void unavailable(Document answer) {
        assertEquals(503, answer.status(), answer.toString());
        assertEquals(RETRY_AFTER, answer.retryAfter(), answer.toString());
        assertProblem(answer, REGISTRY_UNAVAILABLE);
    }

    private static void assertProblem(Document answer, String type) {
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.toString());
        assertEquals(type, json(answer).path("type").asText(), answer.toString());
    }

    private static JsonNode json(Document document) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(document.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + document, e);
        }
    }

    private static void assertContains(String text, String... expected) {
        for (String part : expected) {
            assertTrue(text.contains(part), "\"" + part + "\" missing from: " + text);
        }
    }
}
