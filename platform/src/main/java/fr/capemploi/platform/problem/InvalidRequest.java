package fr.capemploi.platform.problem;

import java.util.List;

/** Several fields of one request are wrong: the caller learns all of them in one answer, not one per attempt. */
public class InvalidRequestException extends RuntimeException {
    private final List<Problem.Violation> violations;

    public InvalidRequestException(List<Problem.Violation> violations) {
        super(violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
