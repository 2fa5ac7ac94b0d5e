package fr.capemploi.localstack;

/** Receives every state change of every component; called from several threads. */
@FunctionalInterface
public interface StackListener {

    StackListener NONE = (component, state, detail) -> { };

    /**
     * @param component "postgres", "kafka" or a service module name
     * @param detail    a short human-readable complement (address, exit code, log file), may be empty
     */
    void stateChanged(String component, ComponentState state, String detail);
}
