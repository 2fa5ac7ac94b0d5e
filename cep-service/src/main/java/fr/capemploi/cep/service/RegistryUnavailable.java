package fr.capemploi.cep.service;

import java.time.Duration;

/**
 * beneficiary-service did not answer (down, too slow, or failing): a document cannot be printed without the names,
 * and one with identifiers in their place is no document for a counsellor to hand over. Answered 503 with
 * {@code Retry-After}: the click can simply be repeated.
 */
public class RegistryUnavailable extends RuntimeException {

    private final Duration retryAfter;

    public RegistryUnavailable(String detail, Duration retryAfter, Throwable cause) {
        super(detail, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
