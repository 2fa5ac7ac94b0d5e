package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.service.IdempotentRequests;
import fr.capemploi.platform.problem.InvalidFieldException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The conditional and idempotency headers, checked like any other input. */
final class RequestHeaders {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IF_MATCH = "If-Match";
    static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{8,128}$");

    private RequestHeaders() {
    }

    static Optional<IdempotentRequests.Attempt> attempt(IdempotentRequests requests, String key, String operation,
            Object body) {
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 8 to 128 visible ASCII characters, e.g. a UUID");
        }
        return Optional.of(requests.attempt(operation, key, body));
    }
}
