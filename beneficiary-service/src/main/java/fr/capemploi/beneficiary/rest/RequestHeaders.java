package fr.capemploi.beneficiary.rest;

import fr.capemploi.platform.idempotency.IdempotentRequestInterceptor;

/** The conditional and idempotency headers, checked like any other input. */
final class RequestHeaders {

    static final String IF_MATCH = "If-Match";
    static final String REPLAYED = IdempotentRequestInterceptor.REPLAYED;

    private RequestHeaders() {
    }
}
