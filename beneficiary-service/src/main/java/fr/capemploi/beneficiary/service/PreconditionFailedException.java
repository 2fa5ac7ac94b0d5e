package fr.capemploi.beneficiary.service;

/** The caller's If-Match names a version that is no longer the current one: it edited a stale copy (412). */
public class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
