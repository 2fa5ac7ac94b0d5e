package fr.capemploi.platform.domain;

/**
 * A value that breaks a rule of the domain (an exit before the entry, a PMSMP longer than a month...), raised by the
 * aggregate that owns the rule. It names the attribute in the domain's terms; the request fields carry the same names,
 * so the rest layer (the platform's problem mappers) answers 400 naming that field. Knows nothing of HTTP. A service's
 * own kind of violation extends it (a refused state transition, an input its rules cannot compute) and keeps this
 * answer unless the service maps that kind to another status.
 */
public class RuleViolation extends RuntimeException {

    private final String attribute;

    public RuleViolation(String attribute, String message) {
        super(message);
        this.attribute = attribute;
    }

    /** The attribute whose value breaks the rule, e.g. {@code exitDate}. */
    public String attribute() {
        return attribute;
    }
}
