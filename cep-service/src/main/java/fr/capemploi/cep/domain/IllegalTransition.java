package fr.capemploi.cep.domain;

import fr.capemploi.platform.domain.RuleViolation;

/**
 * The request is well formed but the record's state forbids it: acting on a closed accompaniment, closing it twice,
 * a third PMSMP in a chain, a level that does not exist... Answered 409 (not a rule violation's 400: the same request
 * was fine before the state changed), naming the attribute when one is at fault, none when the state alone forbids it.
 */
public class IllegalTransition extends RuleViolation {

    public IllegalTransition(String attribute, String detail) {
        super(attribute, detail);
    }
}
