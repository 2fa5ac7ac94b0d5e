package fr.capemploi.platform.problem;

import fr.capemploi.platform.domain.RuleViolation;

/**
 * A request field that passed its own format checks but breaks a rule found by the rest or service layer (e.g. a
 * query parameter out of its set). The rest layer's own words for a {@link RuleViolation}, answered alike (400 naming
 * the field); the domain raises {@link RuleViolation} itself and never sees this class.
 */
public class InvalidFieldException extends RuleViolation {

    public InvalidFieldException(String field, String message) {
        super(field, message);
    }
}
