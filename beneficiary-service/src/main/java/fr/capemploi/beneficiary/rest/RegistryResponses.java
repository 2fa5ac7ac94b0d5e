package fr.capemploi.beneficiary.rest;

import static fr.capemploi.platform.rest.CommonProblemResponses.declare;
import static fr.capemploi.platform.rest.CommonProblemResponses.problemResponse;

import fr.capemploi.platform.rest.CommonProblemResponses;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The errors most operations on a person answer alike, documented once as shared responses an operation names
 * ({@code @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)}): the person unknown or
 * of another structure, erased, or changed since the caller read it. The errors every operation answers (401, 403,
 * 500...) are the platform's ({@link CommonProblemResponses}); an error that says something of its own operation
 * (the 410 of the identity or of a second erasure, the 412 of a counsellor) stays written there.
 */
// after the platform's filter (priority 1, the higher runs first): the document lists its shared responses, then these
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 0)
public class RegistryResponses implements OASFilter {

    public static final String BENEFICIARY_NOT_FOUND = "BeneficiaryNotFound";
    public static final String BENEFICIARY_GONE = "BeneficiaryGone";
    public static final String BENEFICIARY_STALE = "BeneficiaryStale";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        declare(openAPI, BENEFICIARY_NOT_FOUND, problemResponse("Unknown, or of another structure", "unknown",
                ApiExamples.BENEFICIARY_NOT_FOUND));
        declare(openAPI, BENEFICIARY_GONE, problemResponse("Erased", "erased", ApiExamples.GONE));
        declare(openAPI, BENEFICIARY_STALE, problemResponse("If-Match is stale", "stale", ApiExamples.STALE));
    }
}
