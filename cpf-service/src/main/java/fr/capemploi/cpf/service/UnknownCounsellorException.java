package fr.capemploi.cpf.service;

import java.util.UUID;

/**
 * The counsellor named in a request body is not one of the caller's structure (unknown, not announced yet after the
 * wait, or of another structure, which the caller must not learn). Answered 422 like a beneficiary named in a body.
 */
public class UnknownCounsellorException extends RuntimeException {

    public UnknownCounsellorException(UUID counsellorId) {
        super("Counsellor " + counsellorId + " is not known in your structure");
    }
}
