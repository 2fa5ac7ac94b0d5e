package fr.capemploi.platform.problem;

import java.time.Duration;

/**
 * beneficiary-service did not answer (down, too slow, or failing) while a request needed it: a CEP document cannot be
 * printed without the names, and a read that must be traced in the person's access log cannot be served untraced.
 * Answered 503 {@code registry-unavailable} with {@code Retry-After}: the click can simply be repeated.
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
