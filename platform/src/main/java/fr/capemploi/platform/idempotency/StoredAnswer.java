package fr.capemploi.platform.idempotency;

import java.util.UUID;

/**
 * The answer given to the first request that carried a key, kept to be given again to its retries; or, for a
 * {@link Idempotent.Replay#CURRENT_STATE} operation, the resource it was about ({@code resourceId}, the body empty).
 * {@code requestHash} is null once an erasure wiped it.
 */
record StoredAnswer(String requestHash, int status, String location, String body, UUID resourceId) {
}
