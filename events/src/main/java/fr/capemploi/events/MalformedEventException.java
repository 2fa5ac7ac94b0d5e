package fr.capemploi.events;

/** A record that can never be processed, whatever the number of retries: it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
