package fr.capemploi.platform.rest;

import fr.capemploi.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The errors any operation may answer are documented once, as shared responses every operation refers to: 401
 * (no valid token), 403 (role or structure not allowed), 429 (a per-caller limit, with Retry-After), 500, 503 (a
 * store or the registry not answering, with Retry-After); 400 where the operation reads a body or parameters, 404
 * where its path names a resource. An operation documents only the errors particular to it (a 409 with its problem
 * type, a 410, a 412...), and its own 400 or 404 when it has a telling example. Any error response left without an
 * example gets a generic one, and errors are always {@code application/problem+json}. The 410 of a write about an
 * erased person ({@code BeneficiaryErasedException}), which cep and cpf answer alike, is shared too, but only where an
 * operation refers to it: {@code @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)}.
 * So is the 404 of a request naming a record its caller may not refer to ({@code UnknownReferenceException}: a
 * beneficiary or counsellor of another structure, or still unknown after the wait for its registration):
 * {@code @APIResponse(responseCode = "404", ref = CommonProblemResponses.UNKNOWN_REFERENCE)}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CommonProblemResponses implements OASFilter {

    private static final String PROBLEMS = "https://cepcpf.capemploi.fr/problems/";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String RESPONSES = "#/components/responses/";

    /** The shared response an operation names for its 410 when it writes about a person who may have been erased. */
    public static final String BENEFICIARY_ERASED = "BeneficiaryErased";
    /** The shared response an operation names for its 404 when its request names records of the caller's structure. */
    public static final String UNKNOWN_REFERENCE = "UnknownReference";

    /** {@code field}: the one violation the example names, when the problem names the field at fault. */
    private record Common(String code, String name, String description, String slug, String title, String detail,
            boolean retryAfter, String field) {

        Common(String code, String name, String description, String slug, String title, String detail,
                boolean retryAfter) {
            this(code, name, description, slug, title, detail, retryAfter, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Common> COMMON = new LinkedHashMap<>();

    static {
        for (Common common : new Common[] {
                new Common("400", "InvalidRequest", "A field or parameter is invalid: `violations` names each one",
                        "validation", "Invalid request", "1 field is invalid", false),
                new Common("401", "Unauthorized", "No token, or a token expired or not signed by the platform",
                        "unauthorized", "Unauthorized", "The bearer token is invalid, expired or not signed by a "
                                + "trusted issuer", false),
                new Common("403", "Forbidden", "The caller's role, or structure, may not do this", "forbidden",
                        "Forbidden", "Your role does not allow this operation", false),
                new Common("404", "NotFound", "No such resource, or one the caller may not see", "not-found",
                        "Not found", "No resource with this id", false),
                new Common("429", "TooManyRequests", "Over a per-caller limit (failed authentications per address, "
                        + "requests per partner): retry after the number of seconds in Retry-After",
                        "too-many-requests", "Too many requests", "Too many requests from your partner system", true),
                new Common("500", "InternalError", "Unexpected error; the reference is in the logs", "internal-error",
                        "Internal error", "An unexpected error occurred; quote reference "
                                + "2f1d6c0e-8b7a-4e25-9d43-51c2a7e0b9f4 to support", false),
                new Common("503", "ServiceUnavailable", "A store or a service this one needs is not answering: "
                        + "retry after the number of seconds in Retry-After", "database-unavailable",
                        "Service unavailable", "The database is not answering; try again in a few seconds", true)}) {
            COMMON.put(common.code(), common);
        }
    }

    private static final Common ERASED = new Common("410", BENEFICIARY_ERASED, "The person was erased: nothing more is "
            + "recorded about them", "beneficiary-erased", "Beneficiary erased", "Beneficiary "
            + ExampleIds.BENEFICIARY + " was erased on 2019-06-03; nothing can be recorded about this person "
            + "any more", false);

    private static final Common UNKNOWN = new Common("404", UNKNOWN_REFERENCE, "A record the request names (a "
            + "beneficiary, a counsellor, a diagnostic...) is not known in the caller's structure; a beneficiary just "
            + "registered is waited for a few seconds first. `violations` names the field", "unknown-reference",
            "Unknown reference", "Beneficiary " + ExampleIds.BENEFICIARY + " is not known in your structure", false,
            "beneficiaryId");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/") || path.getValue().getOperations() == null) {
                continue;
            }
            path.getValue().getOperations().values().forEach(operation -> complete(operation, path.getKey(), used));
        }
        if (!used.isEmpty()) {
            declare(openAPI, used);
        }
    }

    private void declare(OpenAPI openAPI, Set<String> used) {
        for (Common common : Stream.concat(COMMON.values().stream(), Stream.of(ERASED, UNKNOWN))
                .toList()) {
            if (!used.contains(common.name())) {
                continue;
            }
            APIResponse response = problemResponse(common.description(), common.slug(),
                    exampleText(common, "/api/v1/..."));
            if (common.retryAfter()) {
                response.addHeader("Retry-After", retryAfter());
            }
            declare(openAPI, common.name(), response);
        }
    }

    /**
     * A shared response declared under {@code components.responses}, here and by a service's own filter for the errors
     * its operations share ({@code RegistryResponses} of beneficiary-service, which runs after this one).
     */
    public static void declare(OpenAPI openAPI, String name, APIResponse response) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addResponse(name, response);
    }

    private void complete(Operation operation, String path, Set<String> used) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean readsInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        for (Common common : COMMON.values()) {
            if (responses.getAPIResponse(common.code()) != null) {
                continue;
            }
            if (common.code().equals("400") && !readsInput || common.code().equals("404") && !path.contains("{")) {
                continue;
            }
            responses.addAPIResponse(common.code(), OASFactory.createAPIResponse().ref(RESPONSES + common.name()));
            used.add(common.name());
        }
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getRef() != null) {
                if (response.getRef().startsWith(RESPONSES)) {
                    used.add(response.getRef().substring(RESPONSES.length()));
                }
            } else if (code.startsWith("4") || code.startsWith("5")) {
                ensureProblem(response, code, path);
            }
        });
    }

    private void ensureProblem(APIResponse response, String code, String path) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        // errors are problem+json; a plain application/json entry for an error is replaced by it
        MediaType json = content.getMediaType("application/json");
        if (json != null && content.getMediaType(Problem.MEDIA_TYPE) == null) {
            content.removeMediaType("application/json");
            content.addMediaType(Problem.MEDIA_TYPE, json);
        }
        MediaType media = content.getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, media);
        }
        if (media.getSchema() == null) {
            media.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        }
        if (media.getExamples() == null || media.getExamples().isEmpty()) {
            String description = response.getDescription() == null ? "Error" : response.getDescription();
            Common common = COMMON.getOrDefault(code, new Common(code, "", description, "error", description,
                    description, false));
            media.addExample(common.slug(), OASFactory.createExample().value(example(common, path)));
        }
        Common common = COMMON.get(code);
        if (common != null && common.retryAfter() && (response.getHeaders() == null
                || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", retryAfter());
        }
    }

    /** A problem+json response with one named example, as every shared response is written. */
    public static APIResponse problemResponse(String description, String exampleName, String exampleJson) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        media.addExample(exampleName, OASFactory.createExample().value(object(exampleJson)));
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(86400)));
    }

    private static Object example(Common common, String path) {
        return object(exampleText(common, path));
    }

    /** The example as a JSON object (a string value would be published as a string, not as the problem it shows). */
    private static Object object(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String exampleText(Common common, String path) {
        String violations = common.code().equals("400")
                ? ",\"violations\":[{\"field\":\"size\",\"message\":\"must be less than or equal to 200\"}]" : "";
        String detail = common.detail();
        if (common.field() != null) {
            // a problem naming its field says so in its detail and in its one violation
            violations = ",\"violations\":[{\"field\":\"" + common.field() + "\",\"message\":\"" + detail + "\"}]";
            detail = common.field() + ": " + detail;
        }
        return "{\"type\":\"" + PROBLEMS + common.slug() + "\",\"title\":\"" + common.title() + "\",\"status\":"
                + common.code() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + path + "\""
                + violations + "}";
    }
}
