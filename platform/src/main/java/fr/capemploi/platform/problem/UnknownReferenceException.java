package fr.capemploi.platform.problem;

import java.util.UUID;

/**
 * A request names a record that does not exist for the caller: unknown (still, after the wait for its announcement),
 * or of another structure, which the caller must not learn. Every service answers it the same way: 404
 * {@code unknown-reference}, the violation naming the request's field ({@code beneficiaryId}, {@code counsellorId},
 * {@code diagnosticId}...), whether the request named it in its path or in its body.
 */
public class UnknownReferenceException extends RuntimeException {

    private final String field;

    public UnknownReferenceException(String field, String kind, UUID id) {
        super(kind + " " + id + " is not known in your structure");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
