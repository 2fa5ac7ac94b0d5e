package fr.capemploi.platform.idempotency;

/** An Idempotency-Key already used for a different request (422): replaying would answer the wrong request. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request; use a new key for a new request");
    }
}
