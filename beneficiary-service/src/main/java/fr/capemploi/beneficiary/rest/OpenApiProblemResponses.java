package fr.capemploi.beneficiary.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The errors every operation can answer (401 without a valid token, 403 for a role that may not call it, 500) are
 * documented once here, each with a named example, instead of on every method; an error response declared without
 * an example gets a generic one, so that no error of the document goes without.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiProblemResponses implements OASFilter {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            operations.values().forEach(operation -> complete(operation, path.getKey()));
        }
    }

    private void complete(Operation operation, String path) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        put(responses, "401", "No token, or a token expired or not signed by the platform", "no-valid-token",
                ApiExamples.problem("unauthorized", "Unauthorized", 401,
                        "The bearer token is invalid, expired or not signed by a trusted issuer", path));
        put(responses, "403", "The caller's role may not do this", "role-not-allowed",
                ApiExamples.problem("forbidden", "Forbidden", 403, "Your role does not allow this operation", path));
        put(responses, "500", "Unexpected error; the reference is in the logs", "internal-error",
                ApiExamples.problem("internal-error", "Internal error", 500,
                        "An unexpected error occurred; quote reference 2f1d6c0e-8b7a-4e25-9d43-51c2a7e0b9f4 to support",
                        path));
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                ensureExample(response, code, path);
            }
        });
    }

    private void put(APIResponses responses, String code, String description, String exampleName, String example) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null) {
            existing = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, existing);
        }
        MediaType media = problemMedia(existing);
        if (media.getExamples() == null || media.getExamples().isEmpty()) {
            media.addExample(exampleName, OASFactory.createExample().value(example));
        }
    }

    private void ensureExample(APIResponse response, String code, String path) {
        MediaType media = problemMedia(response);
        if (media.getExamples() == null || media.getExamples().isEmpty()) {
            media.addExample("error-" + code, OASFactory.createExample().value(ApiExamples.problem("error",
                    response.getDescription() == null ? "Error" : response.getDescription(), Integer.parseInt(code),
                    response.getDescription() == null ? "Error" : response.getDescription(), path)));
        }
    }

    private MediaType problemMedia(APIResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        // errors are problem+json; a plain application/json entry for an error is replaced by it
        if (content.getMediaType("application/json") != null && content.getMediaType(PROBLEM) == null) {
            MediaType json = content.getMediaType("application/json");
            content.removeMediaType("application/json");
            content.addMediaType(PROBLEM, json);
        }
        MediaType media = content.getMediaType(PROBLEM);
        if (media == null) {
            media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
            content.addMediaType(PROBLEM, media);
        }
        return media;
    }
}
