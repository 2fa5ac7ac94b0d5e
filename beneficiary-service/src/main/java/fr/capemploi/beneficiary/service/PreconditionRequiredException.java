package fr.capemploi.beneficiary.service;

/** A change that must say which version it edits came without If-Match (428). */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException(String detail) {
        super(detail);
    }
}
