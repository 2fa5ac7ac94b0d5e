package fr.capemploi.localstack;

/** The stack could not be brought up; the message names the component and quotes the end of its log. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
