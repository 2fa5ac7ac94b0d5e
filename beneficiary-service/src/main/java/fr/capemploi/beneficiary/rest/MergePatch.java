package fr.capemploi.beneficiary.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.capemploi.platform.problem.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396): a member replaces the current value, {@code null} removes it, an object merges into
 * the current object. The merged document is then read and validated like a full request, so a patch can never
 * produce a record that a creation would refuse. The mapper and the validator it merges and checks with are its own
 * (injected here once), not passed along by each resource that patches.
 */
@ApplicationScoped
public class MergePatch {

    static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper json;
    private final Validator validator;

    public MergePatch(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidFieldException("body", "must be a JSON object of the fields to change");
        }
        JsonNode merged = merge(json.valueToTree(current), patch);
        T result;
        try {
            result = json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new InvalidPatchException(e);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException cause) {
                throw new InvalidPatchException(cause);
            }
            throw e;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** A merged patch that does not read as the expected type; mapped like the same error in a request body. */
    static final class InvalidPatchException extends RuntimeException {
        private final JsonProcessingException reason;

        InvalidPatchException(JsonProcessingException reason) {
            super(reason.getOriginalMessage());
            this.reason = reason;
        }

        JsonProcessingException reason() {
            return reason;
        }
    }
}
