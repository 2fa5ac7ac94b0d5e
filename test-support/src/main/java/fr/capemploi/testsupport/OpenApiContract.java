package fr.capemploi.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The checks every service runs on the OpenAPI document it serves: it is the committed one (partners and the
 * generated clients build on the committed file, so a change must be seen in review), every example validates
 * against its own schema, and every operation can be called by someone holding only the document.
 */
public final class OpenApiContract {

    /** The one command that rewrites the four committed documents from what the services serve. */
    public static final String REGENERATE = "./mvnw -o -pl beneficiary-service,cep-service,cpf-service,reporting-service"
            + " -am verify -Dtest='OpenApiContractTest#theServedDocumentIsTheCommittedOne' -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";

    /** Where each service commits its document, relative to the module directory tests run in. */
    public static final Path COMMITTED = Path.of("src/main/openapi/openapi.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private OpenApiContract() {
    }

    /**
     * Fails when the served document is not the committed one, after writing the served one under
     * {@code target/openapi/} for a diff. With {@code -Dopenapi.write=true} the committed file is rewritten
     * instead, unless the change breaks {@code /api/v1} clients and {@code -Dopenapi.accept-breaking=true} is not
     * given as well (a breaking change needs a new API version, see the README).
     */
    public static void assertServedIsCommitted(String servedYaml, JsonNode served) {
        String committed = read(COMMITTED);
        if (servedYaml.equals(committed)) {
            return;
        }
        List<String> breaking = committed == null ? List.of()
                : OpenApiCompatibility.breakingChanges(yaml(committed), served);
        if (Boolean.getBoolean("openapi.write")) {
            if (!breaking.isEmpty() && !Boolean.getBoolean("openapi.accept-breaking")) {
                throw new AssertionError("Not rewriting " + COMMITTED.toAbsolutePath() + ": the served document breaks "
                        + "/api/v1 clients (add -Dopenapi.accept-breaking=true only for a new API version):\n  "
                        + String.join("\n  ", breaking));
            }
            write(COMMITTED, servedYaml);
            return;
        }
        Path copy = Path.of("target/openapi/openapi.yaml");
        write(copy, servedYaml);
        throw new AssertionError("The served OpenAPI document differs from the committed " + COMMITTED.toAbsolutePath()
                + " (served copy: " + copy.toAbsolutePath() + ")."
                + (breaking.isEmpty() ? "" : " It BREAKS /api/v1 clients:\n  " + String.join("\n  ", breaking) + "\n")
                + " If the change is intended, regenerate the committed documents with:\n  " + REGENERATE);
    }

    /** Every example (media types, parameters, headers) that does not validate against its own schema. */
    public static List<String> invalidExamples(JsonNode document) {
        List<String> invalid = new ArrayList<>();
        JsonNode components = document.path("components");
        // one compilation per distinct schema: the examples of the shared problem, page and id schemas are many, and
        // each compilation parses the document's components again
        Map<JsonNode, Schema> compiled = new java.util.HashMap<>();
        walk(document.path("paths"), "paths", components, invalid, compiled);
        walk(components, "components", components, invalid, compiled);
        return invalid;
    }

    /** Operations without an operationId, a success (2xx) response, or an error response. */
    public static List<String> incompleteOperations(JsonNode document) {
        List<String> incomplete = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = document.path("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = o.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (operation.getValue().path("operationId").asText("").isBlank()) {
                    incomplete.add(name + ": no operationId");
                }
                List<String> codes = new ArrayList<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
                if (codes.stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
                    incomplete.add(name + ": no success response");
                }
                if (codes.stream().noneMatch(code -> code.startsWith("4"))) {
                    incomplete.add(name + ": no error response");
                }
            }
        }
        return incomplete;
    }

    private static void walk(JsonNode node, String where, JsonNode components, List<String> invalid,
            Map<JsonNode, Schema> compiled) {
        if (node.isObject()) {
            JsonNode schema = node.get("schema");
            if (schema != null && schema.isObject()) {
                if (node.has("example")) {
                    check(schema, node.get("example"), where + ".example", components, invalid, compiled);
                }
                for (Iterator<Map.Entry<String, JsonNode>> e = node.path("examples").fields(); e.hasNext(); ) {
                    Map.Entry<String, JsonNode> example = e.next();
                    if (example.getValue().has("value")) {
                        check(schema, example.getValue().get("value"), where + ".examples." + example.getKey(),
                                components, invalid, compiled);
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> f = node.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                // schemas' own examples are checked where they are used, with the media type's value
                if (!field.getKey().equals("schema") && !field.getKey().equals("examples")) {
                    walk(field.getValue(), where + "." + field.getKey(), components, invalid, compiled);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", components, invalid, compiled);
            }
        }
    }

    private static void check(JsonNode schema, JsonNode example, String where, JsonNode components, List<String> invalid,
            Map<JsonNode, Schema> compiled) {
        JsonNode value = example;
        if (example.isTextual() && looksLikeJson(example.asText())) {
            value = parse(example.asText());
        }
        if (value.isTextual() && !"string".equals(schema.path("type").asText("string"))) {
            value = parse(value.asText());
        }
        Schema validator = compiled.computeIfAbsent(schema, s -> {
            ObjectNode root = s.deepCopy();
            // "#/components/schemas/X" references resolve against the root of the schema they appear in
            root.set("components", components);
            return SCHEMAS.getSchema(root.toString(), InputFormat.JSON);
        });
        List<Error> errors = validator.validate(value.toString(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            invalid.add(where + ": " + errors);
        }
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    public static JsonNode yaml(String yaml) {
        try {
            return new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
