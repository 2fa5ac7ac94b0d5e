package fr.capemploi.cep.domain;

/**
 * The request is well formed but the record's state forbids it: acting on a closed accompaniment, closing it twice,
 * a third PMSMP in a chain, a level that does not exist... Answered 409, naming the field when one is at fault.
 */
public class IllegalTransition extends RuntimeException {

    private final String field;

    public IllegalTransition(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The request field at fault, or null when the state alone forbids the operation. */
    public String field() {
        return field;
    }
}
