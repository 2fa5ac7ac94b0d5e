package fr.capemploi.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * What the use case behind an {@code @Idempotent(replay = CURRENT_STATE)} operation learns from, and tells, the
 * request's Idempotency-Key: whether this request is the retry of one that was answered, and which resource its own
 * answer is about.
 */
@RequestScoped
public class KeyedRequest {

    private UUID retryOf;
    private UUID answered;

    /**
     * The resource the first attempt of this request answered about, when this request is its retry: the use case
     * answers that resource as it is now and changes nothing.
     */
    public Optional<UUID> retryOf() {
        return Optional.ofNullable(retryOf);
    }

    /** Names the resource this answer is about: the only part of the answer kept with the key. */
    public void answers(UUID resourceId) {
        answered = resourceId;
    }

    void retrying(UUID resourceId) {
        retryOf = resourceId;
    }

    UUID answered() {
        return answered;
    }
}
