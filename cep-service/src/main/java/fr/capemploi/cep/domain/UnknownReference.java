package fr.capemploi.cep.domain;

import java.util.UUID;

/**
 * A request names a record (beneficiary, diagnostic, action) that does not exist for the caller: unknown, or of
 * another structure, which the caller must not learn. Answered 404, naming the field.
 */
public class UnknownReference extends RuntimeException {

    private final String field;

    public UnknownReference(String field, String what, UUID id) {
        super(what + " " + id + " is not known in your structure");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
