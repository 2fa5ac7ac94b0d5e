package fr.capemploi.systemtests;

import fr.capemploi.clients.beneficiary.ApiException;
import fr.capemploi.clients.beneficiary.ApiResponse;
import fr.capemploi.clients.beneficiary.model.Structure;
import fr.capemploi.clients.beneficiary.model.StructureRequest;
import fr.capemploi.clients.reporting.model.Indicators;
import fr.capemploi.clients.reporting.model.PartitionStatus;
import fr.capemploi.clients.reporting.model.ProjectionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.TokenMinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The suite seen from outside, like a partner system: the thin slice through the Java clients generated from the
 * committed OpenAPI documents, the other journeys through HTTP and JSON only.
 */
final class SuiteApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long cep-service and cpf-service may take to learn what beneficiary-service announced. */
    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final TokenMinter tokens;
    private final GeneratedClients clients;

    SuiteApi(LocalStack stack) {
        this.stack = stack;
        this.tokens = stack.tokens();
        this.clients = new GeneratedClients(stack, tokens);
    }

    record Created(int status, UUID id, String body) {
    }

    /** Structure counts of the {@code structures-registered} indicator: nationally and in one region. */
    record StructureCount(long national, long inRegion) {
        StructureCount plus(long n) {
            return new StructureCount(national + n, inRegion + n);
        }
    }

    /**
     * Today in Europe/Paris: the registration date these scenarios give a structure, whose figures they read for the
     * current year (a business date is required; the service no longer fills it in).
     */
    static String today() {
        return LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    }

    /** A code no other test run has used: codes are unique in the directory. */
    static String uniqueCode() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 9; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** Through the generated beneficiary-service client: what a partner's code generator makes of the contract. */
    Created createStructure(String code, String name, String region, String department) {
        StructureRequest request = new StructureRequest().code(code).name(name).region(region).department(department)
                .registeredOn(LocalDate.parse(today()));
        try {
            ApiResponse<Structure> created = clients.structures("admin").registerStructureWithHttpInfo(request, null);
            return new Created(created.getStatusCode(), created.getData().getId(), String.valueOf(created.getData()));
        } catch (ApiException e) {
            return new Created(e.getCode(), null, e.getResponseBody());
        }
    }

    StructureCount structuresRegistered(String region) {
        return new StructureCount(registeredAt(null, null), registeredAt("region", region));
    }

    /** Through the generated reporting-service client. */
    private long registeredAt(String scope, String scopeId) {
        Indicators indicators;
        try {
            indicators = clients.indicators("analyst").indicatorsIndicator(null, null, scope, scopeId);
        } catch (fr.capemploi.clients.reporting.ApiException e) {
            throw new AssertionError("GET /api/v1/indicators answered " + e.getCode() + ": " + e.getResponseBody(), e);
        }
        return indicators.getIndicators().stream().filter(indicator -> "structures-registered".equals(indicator.getId()))
                .findFirst().map(indicator -> indicator.getValue() == null ? 0L : indicator.getValue().longValueExact())
                .orElseThrow(() -> new AssertionError("no structures-registered indicator in " + indicators));
    }

    /**
     * Sum of the reporting service's lag on one topic, or -1 while it reports no partition of that topic (its
     * consumer has not been assigned yet).
     */
    long projectionLag(String topic) {
        ProjectionStatus status;
        try {
            status = clients.projections("analyst").statusProjectionStatus();
        } catch (fr.capemploi.clients.reporting.ApiException e) {
            throw new AssertionError("GET /api/v1/projections/status answered " + e.getCode() + ": "
                    + e.getResponseBody(), e);
        }
        long lag = 0;
        boolean seen = false;
        for (PartitionStatus partition : status.getPartitions()) {
            if (topic.equals(partition.getTopic())) {
                seen = true;
                if (partition.getLag() == null) {
                    return -1; // unknown while the reporting service cannot ask the broker
                }
                lag += partition.getLag();
            }
        }
        return seen ? lag : -1;
    }

    /** An answer as a partner system sees it: status, media type and the JSON body (missing when there is none). */
    record Answer(int status, String contentType, JsonNode body, String raw) {

        UUID id() {
            return UUID.fromString(body.path("id").asText());
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    /** Any call of a service's REST API with a token of {@code role} in {@code structureId} (null: national). */
    Answer call(String method, SuiteService service, String path, String role, UUID structureId, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.mint(role, structureId))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request.build());
        String raw = response.body();
        JsonNode json = raw == null || raw.isBlank() ? JSON.missingNode() : read(raw);
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, raw);
    }

    /** A document as it is served (PDF or JSON bytes), with the headers a client reads on a refusal. */
    record Document(int status, String contentType, String retryAfter, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + contentType + (contentType.contains("pdf") ? "" : " " + text());
        }
    }

    /** A GET of {@code path} accepting {@code accept}, with a token of {@code role} in {@code structureId}. */
    Document document(SuiteService service, String path, String role, UUID structureId, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri(service, path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.mint(role, structureId))
                .header("Accept", accept)
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new Document(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null), response.body());
    }

    /**
     * 201 and the new id. cep-service and cpf-service learn of people and counsellors from beneficiary.events: a
     * write naming one not arrived yet is 404 (nothing recorded), so it is sent again until they have.
     */
    UUID created(SuiteService service, String path, String role, UUID structure, Object body) {
        Answer answer = sent("POST", service, path, role, structure, body);
        if (answer.status() != 201) {
            throw new AssertionError("POST " + path + ": " + answer);
        }
        return answer.id();
    }

    /** The answer once it is no longer 404 (what the service had not learned yet), within the propagation time. */
    Answer sent(String method, SuiteService service, String path, String role, UUID structure, Object body) {
        Answer[] answer = new Answer[1];
        Awaitility.await(method + " " + path).atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() -> {
            answer[0] = call(method, service, path, role, structure, body);
            return answer[0].status() != 404;
        });
        return answer[0];
    }

    /** A counsellor of the structure in beneficiary-service's directory, named Claire Dupont. */
    UUID counsellor(UUID structure) {
        return created(SuiteService.BENEFICIARY, "/api/v1/structures/" + structure + "/counsellors", "admin", null,
                Map.of("displayName", "Claire Dupont", "activeFrom", "2015-01-05"));
    }

    /** A woman born on 23 July 1981 registered by a counsellor of the structure, {@code counsellor} her referent. */
    UUID person(UUID structure, UUID counsellor, String firstName, String lastName) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("lastName", lastName);
        person.put("firstName", firstName);
        person.put("birthDate", "1981-07-23");
        person.put("sex", "FEMALE");
        person.put("statusAtEntry", "JOB_SEEKER");
        person.put("qualificationLevel", "LEVEL_3");
        person.put("inactivityMonths", 14);
        person.put("orientationSource", "POLE_EMPLOI");
        person.put("entryDate", "2016-02-15");
        person.put("referentCounsellorId", counsellor.toString());
        return created(SuiteService.BENEFICIARY, "/api/v1/beneficiaries", "counsellor", structure, person);
    }

    /** Every indicator of one structure for one period, as an analyst reads them. */
    JsonNode structureIndicators(UUID structureId, String period) {
        return getAsAnalyst(SuiteService.REPORTING, "/api/v1/indicators?scope=structure&scopeId=" + structureId
                + "&period=" + period).path("indicators");
    }

    private JsonNode getAsAnalyst(SuiteService service, String path) {
        HttpRequest request = HttpRequest.newBuilder(uri(service, path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.mint("analyst"))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    private URI uri(SuiteService service, String path) {
        return stack.baseUri(service).resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
