package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.testsupport.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The contract partners build on: committed, complete, and with examples that obey their own schemas. */
@QuarkusTest
class OpenApiContractTest {

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
