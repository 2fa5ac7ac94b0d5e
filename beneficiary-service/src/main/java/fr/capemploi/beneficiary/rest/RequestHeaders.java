package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.service.IdempotentRequests;
import fr.capemploi.platform.idempotency.IdempotentRequestInterceptor;
import java.util.Optional;

/** The conditional and idempotency headers, checked like any other input. */
final class RequestHeaders {

    static final String IDEMPOTENCY_KEY = IdempotentRequestInterceptor.IDEMPOTENCY_KEY;
    static final String IF_MATCH = "If-Match";
    static final String REPLAYED = IdempotentRequestInterceptor.REPLAYED;

    private RequestHeaders() {
    }

    static Optional<IdempotentRequests.Attempt> attempt(IdempotentRequests requests, String key, String operation,
            Object body) {
        if (key == null) {
            return Optional.empty();
        }
        IdempotentRequestInterceptor.requireWellFormed(key);
        return Optional.of(requests.attempt(operation, key, body));
    }
}
