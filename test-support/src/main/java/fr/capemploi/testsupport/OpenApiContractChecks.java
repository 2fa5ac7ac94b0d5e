package fr.capemploi.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The contract partners build on, checked the same way in every service: a service's {@code @QuarkusTest} subclass
 * runs these against the document it serves. Committed, complete, and with examples that obey their own schemas.
 */
public abstract class OpenApiContractChecks {

    private static String served() {
        return given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void theServedDocumentIsTheCommittedOne() {
        String yaml = served();
        OpenApiContract.assertServedIsCommitted(yaml, OpenApiContract.yaml(yaml));
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        assertThat(OpenApiContract.invalidExamples(OpenApiContract.yaml(served()))).isEmpty();
    }

    @Test
    void everyOperationHasAnIdASuccessAndItsErrors() {
        JsonNode document = OpenApiContract.yaml(served());
        assertThat(document.path("paths").size()).isPositive();
        assertThat(OpenApiContract.incompleteOperations(document)).isEmpty();
    }
}
