package fr.capemploi.platform.problem;

/** The request is well formed but the current state forbids it (a duplicate, an illegal transition...). */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}
