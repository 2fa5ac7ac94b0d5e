package fr.capemploi.cpf.domain.rights;

import fr.capemploi.platform.domain.RuleViolation;

/** A simulation input the rules cannot handle (a year before the CPF, a year given twice...), with its field. */
public class SimulationInputException extends RuleViolation {

    public SimulationInputException(String field, String message) {
        super(field, message);
    }
}
