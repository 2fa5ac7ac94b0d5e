package fr.capemploi.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What in a new OpenAPI document would break a client written against the old one (the rules are the README's
 * "what counts as a breaking change"): a path, operation or success response removed, an operationId renamed; a
 * parameter or request field added as required, or made required; a response field removed or made optional; a type
 * changed; an enum value removed from a request or added to a response; a request constraint tightened (shorter
 * maxLength, a new pattern, fewer maxItems, a narrower numeric range).
 */
public final class OpenApiCompatibility {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private OpenApiCompatibility() {
    }

    public static List<String> breakingChanges(JsonNode before, JsonNode after) {
        List<String> breaking = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = before.path("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            JsonNode newPath = after.path("paths").path(path.getKey());
            for (String method : METHODS) {
                JsonNode old = path.getValue().path(method);
                if (old.isMissingNode()) {
                    continue;
                }
                String name = method.toUpperCase() + " " + path.getKey();
                JsonNode current = newPath.path(method);
                if (current.isMissingNode()) {
                    breaking.add(name + ": operation removed");
                    continue;
                }
                // generated clients name their methods after it
                if (!old.path("operationId").asText("").equals(current.path("operationId").asText(""))) {
                    breaking.add(name + ": operationId " + old.path("operationId").asText() + " renamed");
                }
                Context context = new Context(before, after, breaking);
                parameters(name, old, current, context);
                JsonNode oldBody = old.path("requestBody").path("content");
                JsonNode newBody = current.path("requestBody").path("content");
                if (!old.path("requestBody").path("required").asBoolean(false)
                        && current.path("requestBody").path("required").asBoolean(false)) {
                    breaking.add(name + ": request body made required");
                }
                for (Iterator<Map.Entry<String, JsonNode>> m = oldBody.fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> media = m.next();
                    JsonNode newMedia = newBody.path(media.getKey());
                    if (newMedia.isMissingNode()) {
                        breaking.add(name + ": request media type " + media.getKey() + " no longer accepted");
                    } else {
                        context.compare(name + " request", media.getValue().path("schema"), newMedia.path("schema"),
                                true, new HashSet<>());
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> r = old.path("responses").fields(); r.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = r.next();
                    if (!response.getKey().startsWith("2")) {
                        continue;
                    }
                    JsonNode newResponse = current.path("responses").path(response.getKey());
                    if (newResponse.isMissingNode()) {
                        breaking.add(name + ": success response " + response.getKey() + " removed");
                        continue;
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> m = response.getValue().path("content").fields(); m.hasNext(); ) {
                        Map.Entry<String, JsonNode> media = m.next();
                        JsonNode newMedia = newResponse.path("content").path(media.getKey());
                        if (newMedia.isMissingNode()) {
                            breaking.add(name + " " + response.getKey() + ": media type " + media.getKey() + " removed");
                        } else {
                            context.compare(name + " " + response.getKey(), media.getValue().path("schema"),
                                    newMedia.path("schema"), false, new HashSet<>());
                        }
                    }
                }
            }
        }
        return breaking;
    }

    private static void parameters(String name, JsonNode old, JsonNode current, Context context) {
        for (JsonNode parameter : current.path("parameters")) {
            JsonNode before = find(old.path("parameters"), parameter);
            boolean required = parameter.path("required").asBoolean(false);
            if (before == null && required) {
                context.breaking.add(name + ": new required parameter " + parameter.path("name").asText());
            } else if (before != null && required && !before.path("required").asBoolean(false)) {
                context.breaking.add(name + ": parameter " + parameter.path("name").asText() + " made required");
            } else if (before != null) {
                context.compare(name + " parameter " + parameter.path("name").asText(), before.path("schema"),
                        parameter.path("schema"), true, new HashSet<>());
            }
        }
        for (JsonNode parameter : old.path("parameters")) {
            if (find(current.path("parameters"), parameter) == null && !parameter.path("in").asText().equals("header")) {
                context.breaking.add(name + ": parameter " + parameter.path("name").asText() + " removed");
            }
        }
    }

    private static JsonNode find(JsonNode parameters, JsonNode wanted) {
        for (JsonNode parameter : parameters) {
            if (parameter.path("name").asText().equals(wanted.path("name").asText())
                    && parameter.path("in").asText().equals(wanted.path("in").asText())) {
                return parameter;
            }
        }
        return null;
    }

    private record Context(JsonNode before, JsonNode after, List<String> breaking) {

        /** {@code request}: the client writes this schema (tightening breaks); otherwise it reads it (loosening breaks). */
        void compare(String where, JsonNode old, JsonNode current, boolean request, Set<String> seen) {
            old = resolve(before, old, seen, request);
            current = resolve(after, current, new HashSet<>(), request);
            if (old == null || current == null) {
                return;
            }
            String oldType = old.path("type").toString();
            String newType = current.path("type").toString();
            if (!old.path("type").isMissingNode() && !oldType.equals(newType)) {
                breaking.add(where + ": type " + oldType + " became " + newType);
                return;
            }
            enums(where, old, current, request);
            if (request) {
                tightened(where, old, current);
            }
            Set<String> oldRequired = names(old.path("required"));
            Set<String> newRequired = names(current.path("required"));
            for (Iterator<Map.Entry<String, JsonNode>> f = old.path("properties").fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                JsonNode newField = current.path("properties").path(field.getKey());
                String at = where + "." + field.getKey();
                if (newField.isMissingNode()) {
                    if (!request) {
                        breaking.add(at + ": response field removed");
                    }
                    continue;
                }
                if (!request && oldRequired.contains(field.getKey()) && !newRequired.contains(field.getKey())) {
                    breaking.add(at + ": response field no longer always present");
                }
                compare(at, field.getValue(), newField, request, seen);
            }
            if (request) {
                for (String field : newRequired) {
                    if (!oldRequired.contains(field)) {
                        breaking.add(where + "." + field + ": request field made required");
                    }
                }
            }
            if (old.has("items")) {
                compare(where + "[]", old.path("items"), current.path("items"), request, seen);
            }
        }

        private void enums(String where, JsonNode old, JsonNode current, boolean request) {
            if (!old.has("enum") || !current.has("enum")) {
                if (!old.has("enum") && current.has("enum") && request) {
                    breaking.add(where + ": request value restricted to an enum");
                }
                return;
            }
            Set<String> before = names(old.path("enum"));
            Set<String> after = names(current.path("enum"));
            for (String value : request ? before : after) {
                if (!(request ? after : before).contains(value)) {
                    breaking.add(where + ": enum value " + value + (request ? " no longer accepted" : " added to a response"));
                }
            }
        }

        private void tightened(String where, JsonNode old, JsonNode current) {
            lower(where, "maxLength", old, current);
            lower(where, "maxItems", old, current);
            lower(where, "maximum", old, current);
            higher(where, "minLength", old, current);
            higher(where, "minItems", old, current);
            higher(where, "minimum", old, current);
            if (current.has("pattern") && !current.path("pattern").equals(old.path("pattern"))) {
                breaking.add(where + ": pattern became " + current.path("pattern").asText());
            }
        }

        private void lower(String where, String keyword, JsonNode old, JsonNode current) {
            if (current.has(keyword) && (!old.has(keyword) || current.get(keyword).asDouble() < old.get(keyword).asDouble())) {
                breaking.add(where + ": " + keyword + " lowered to " + current.get(keyword).asText());
            }
        }

        private void higher(String where, String keyword, JsonNode old, JsonNode current) {
            if (current.has(keyword) && (!old.has(keyword) || current.get(keyword).asDouble() > old.get(keyword).asDouble())) {
                breaking.add(where + ": " + keyword + " raised to " + current.get(keyword).asText());
            }
        }

        private static JsonNode resolve(JsonNode document, JsonNode schema, Set<String> seen, boolean request) {
            JsonNode current = schema;
            for (int depth = 0; depth < 10 && current != null; depth++) {
                String ref = current.path("$ref").asText("");
                if (ref.isEmpty() && current.path("allOf").size() == 1) {
                    ref = current.path("allOf").get(0).path("$ref").asText("");
                }
                if (ref.isEmpty()) {
                    return current.isMissingNode() ? null : current;
                }
                if (!seen.add(ref + request)) {
                    return null;
                }
                current = document.at(ref.substring(1));
            }
            return null;
        }

        private static Set<String> names(JsonNode array) {
            Set<String> names = new HashSet<>();
            array.forEach(value -> names.add(value.asText()));
            return names;
        }
    }
}
