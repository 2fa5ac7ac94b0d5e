package fr.capemploi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The README's rules of what breaks an /api/v1 client, applied to two versions of a small document. */
class OpenApiCompatibilityTest {

    private static final String BEFORE = """
            openapi: 3.1.0
            paths:
              /api/v1/things:
                post:
                  operationId: registerThing
                  parameters:
                  - {name: dryRun, in: query, schema: {type: boolean}}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: "#/components/schemas/ThingRequest"}
                  responses:
                    "201":
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Thing"}
              /api/v1/things/{id}:
                get:
                  responses:
                    "200": {description: ok}
            components:
              schemas:
                ThingRequest:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, maxLength: 100}
                    colour: {type: string, enum: [RED, BLUE]}
                    note: {type: string}
                Thing:
                  type: object
                  required: [id, name]
                  properties:
                    id: {type: string}
                    name: {type: string}
                    state: {type: string, enum: [OPEN, CLOSED]}
                    size: {type: integer}
            """;

    @Test
    void theSameDocumentBreaksNothing() {
        assertThat(OpenApiCompatibility.breakingChanges(doc(BEFORE), doc(BEFORE))).isEmpty();
    }

    @Test
    void additionsClientsCanIgnoreAreNotBreaking() {
        String after = BEFORE
                .replace("    note: {type: string}", "    note: {type: string}\n        extra: {type: string}")
                .replace("    size: {type: integer}", "    size: {type: integer}\n        added: {type: string}")
                .replace("name: {type: string, maxLength: 100}", "name: {type: string, maxLength: 200}")
                .replace("enum: [RED, BLUE]", "enum: [RED, BLUE, GREEN]")
                + """
                        Unused: {type: object}
                    """;
        assertThat(OpenApiCompatibility.breakingChanges(doc(BEFORE), doc(after))).isEmpty();
    }

    @Test
    void removalsTighteningsAndNewRequirementsAreBreaking() {
        String after = BEFORE
                .replace("""
                          /api/v1/things/{id}:
                            get:
                              responses:
                                "200": {description: ok}
                        """, "")
                .replace("{name: dryRun, in: query, schema: {type: boolean}}",
                        "{name: dryRun, in: query, required: true, schema: {type: boolean}}")
                .replace("required: [name]", "required: [name, note]")
                .replace("name: {type: string, maxLength: 100}", "name: {type: string, maxLength: 50}")
                .replace("enum: [RED, BLUE]", "enum: [RED]")
                .replace("required: [id, name]", "required: [id]")
                .replace("enum: [OPEN, CLOSED]", "enum: [OPEN, CLOSED, ARCHIVED]")
                .replace("    size: {type: integer}\n", "")
                .replace("operationId: registerThing", "operationId: createThing");
        assertThat(String.join("\n", OpenApiCompatibility.breakingChanges(doc(BEFORE), doc(after))))
                .contains("GET /api/v1/things/{id}: operation removed")
                .contains("POST /api/v1/things: operationId registerThing renamed")
                .contains("parameter dryRun made required")
                .contains("request.note: request field made required")
                .contains("request.name: maxLength lowered to 50")
                .contains("request.colour: enum value BLUE no longer accepted")
                .contains("201.name: response field no longer always present")
                .contains("201.state: enum value ARCHIVED added to a response")
                .contains("201.size: response field removed");
    }

    private static JsonNode doc(String yaml) {
        return OpenApiContract.yaml(yaml);
    }
}
