package fr.capemploi.platform.outbox;

/** Fired when a transaction that wrote outbox rows commits, to wake the relay without waiting for its next poll. */
public record OutboxRowsCommitted() {
}
