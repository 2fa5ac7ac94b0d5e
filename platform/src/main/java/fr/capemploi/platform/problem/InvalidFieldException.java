package fr.capemploi.platform.problem;

/** A field that passed its own format checks but breaks a rule involving the domain (e.g. exit before entry). */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
