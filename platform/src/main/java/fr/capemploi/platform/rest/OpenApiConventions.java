package fr.capemploi.platform.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What every service's document states the same way, so that a client generated from it reads every answer:
 * <ul>
 * <li>operation ids read as what they do: {@code BeneficiaryResource_get} (the scanner's unique Class_method)
 * becomes {@code getBeneficiary};</li>
 * <li>a field a record does not mark required may be {@code null} on the wire (optional values are written as
 * null, and accepted as null), so its schema says so;</li>
 * <li>the date, time and identifier types have the length their format implies, and every response header a
 * schema;</li>
 * <li>what a value cannot exceed anyway is stated where nothing narrower is: an integer the range of its format,
 * a query or path parameter the URI length the platform accepts ({@code cepcpf.http.max-uri-length}, 8192 by
 * default), a binary download the 10 MB of our largest document;</li>
 * <li>a JSON merge patch (RFC 7396) sends any subset of the fields: its schema requires none (the fields a patch may
 * not remove stay non-nullable).</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    private static final int URI_LENGTH = 8192;
    private static final int DOCUMENT_SIZE = 10 * 1024 * 1024;
    private static final Map<String, Integer> FORMATTED_LENGTHS = Map.of("UUID", 36, "LocalDate", 10,
            "Instant", 35, "OffsetDateTime", 35, "ZonedDateTime", 64, "LocalDateTime", 29, "LocalTime", 18,
            "Duration", 64, "YearMonth", 7);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // partners call it: the OWASP inventory rules want the audience of each server stated
        if (openAPI.getServers() != null) {
            openAPI.getServers().forEach(server -> server.addExtension("x-internal", false));
        }
        Set<String> patched = new HashSet<>();
        Set<String> usedParameters = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem path : openAPI.getPaths().getPathItems().values()) {
                if (path.getOperations() == null) {
                    continue;
                }
                path.getOperations().forEach((method, operation) -> {
                    name(operation);
                    // an operation whose summary says it all is described by it
                    if (operation.getDescription() == null || operation.getDescription().isBlank()) {
                        operation.setDescription(operation.getSummary());
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters().stream().filter(parameter -> parameter.getRef() != null)
                                .forEach(parameter -> usedParameters.add(parameter.getRef()
                                        .substring(parameter.getRef().lastIndexOf('/') + 1)));
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> bound(parameter.getSchema(), URI_LENGTH));
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().stream()
                                .filter(response -> response.getContent() != null
                                        && response.getContent().getMediaTypes() != null)
                                .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                                .forEach(media -> bound(media.getSchema(), DOCUMENT_SIZE));
                    }
                    headerSchemas(operation);
                    if (method == PathItem.HttpMethod.PATCH && operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null
                            && operation.getRequestBody().getContent().getMediaTypes() != null) {
                        operation.getRequestBody().getContent().getMediaTypes().values().stream()
                                .map(MediaType::getSchema).filter(s -> s != null && s.getRef() != null)
                                .forEach(s -> patched.add(s.getRef().substring(s.getRef().lastIndexOf('/') + 1)));
                    }
                });
            }
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        // the platform declares Idempotency-Key for every service; a service with no idempotent POST does not use it
        if (openAPI.getComponents().getParameters() != null) {
            new ArrayList<>(openAPI.getComponents().getParameters().keySet()).stream()
                    .filter(name -> !usedParameters.contains(name))
                    .forEach(name -> openAPI.getComponents().removeParameter(name));
        }
        // the JWT extension declares a generic scheme of its own; operations name the platform's "jwt" one
        if (openAPI.getComponents().getSecuritySchemes() != null
                && openAPI.getComponents().getSecuritySchemes().containsKey("jwt")) {
            openAPI.getComponents().removeSecurityScheme("SecurityScheme");
        }
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            Integer length = FORMATTED_LENGTHS.get(name);
            if (length != null && schema.getMaxLength() == null) {
                schema.setMaxLength(length);
            }
            bound(schema, DOCUMENT_SIZE);
            nullableOptionals(schema);
            if (patched.contains(name)) {
                schema.setRequired(null);
            }
        });
    }

    /** Integers get the range of their format, strings (parameters, binary bodies) the given length, when unbounded. */
    private static void bound(Schema schema, int stringLength) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> bound(property, -1));
        }
        if (schema.getItems() != null) {
            bound(schema.getItems(), -1);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        boolean binary = "binary".equals(schema.getFormat());
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null
                && (stringLength == URI_LENGTH || binary)) {
            schema.setMaxLength(binary ? DOCUMENT_SIZE : stringLength);
        }
    }

    private static void headerSchemas(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getHeaders() == null) {
                continue;
            }
            response.getHeaders().forEach((name, header) -> {
                if (header.getRef() != null || header.getSchema() != null || header.getContent() != null) {
                    return;
                }
                Schema schema = OASFactory.createSchema();
                switch (name) {
                    case "Idempotent-Replayed" -> schema.addType(Schema.SchemaType.STRING).addEnumeration("true");
                    case "ETag" -> schema.addType(Schema.SchemaType.STRING).maxLength(64)
                            .pattern("^(W/)?\"[^\"]*\"$");
                    case "Location",
                            "Content-Location" -> schema.addType(Schema.SchemaType.STRING).format("uri-reference")
                            .maxLength(2048);
                    default -> schema.addType(Schema.SchemaType.STRING).maxLength(256);
                }
                header.setSchema(schema);
            });
        }
    }

    private static void name(Operation operation) {
        String id = operation.getOperationId();
        int separator = id == null ? -1 : id.indexOf('_');
        if (separator < 0) {
            return;
        }
        String type = id.substring(0, separator).replaceFirst("Resource$", "");
        operation.setOperationId(id.substring(separator + 1) + type);
    }

    private static void nullableOptionals(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new ArrayList<>(schema.getProperties().entrySet())) {
            if (required.contains(property.getKey())) {
                continue;
            }
            Schema field = property.getValue();
            if (field.getRef() != null) {
                schema.addProperty(property.getKey(), OASFactory.createSchema().description(field.getDescription())
                        .addAnyOf(OASFactory.createSchema().ref(field.getRef()))
                        .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            } else if (field.getType() != null && !field.getType().isEmpty()
                    && !field.getType().contains(Schema.SchemaType.NULL)) {
                field.addType(Schema.SchemaType.NULL);
                if (field.getEnumeration() != null && !field.getEnumeration().contains(null)) {
                    field.addEnumeration(null);
                }
            }
        }
    }
}
