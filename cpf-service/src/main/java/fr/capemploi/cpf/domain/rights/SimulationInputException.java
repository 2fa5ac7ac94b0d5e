package fr.capemploi.cpf.domain.rights;

/** A simulation input the rules cannot handle (a year before the CPF, a year given twice...), with its field. */
public class SimulationInputException extends RuntimeException {

    private final String field;

    public SimulationInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
