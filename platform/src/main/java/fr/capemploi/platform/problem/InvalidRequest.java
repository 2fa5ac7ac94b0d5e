package fr.capemploi.platform.problem;

import java.util.List;

/**
 * Several fields of one request are wrong: the caller learns all of them in one answer, not one per attempt. Thrown by
 * the rest layer only (it carries the problem's violations); an aggregate raises {@code platform.domain.RuleViolation}.
 */
public class InvalidRequest extends RuntimeException {
    private final List<Problem.Violation> violations;

    public InvalidRequest(List<Problem.Violation> violations) {
        super(violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
