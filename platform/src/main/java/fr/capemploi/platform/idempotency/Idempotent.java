package fr.capemploi.platform.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST resource method that honours the {@code Idempotency-Key} request header: a retry of the same request
 * (same caller, same operation, same key, same path and body) gets the first answer back, marked
 * {@code Idempotent-Replayed: true}, and changes nothing; the same key with another request is refused with 422.
 * Without the header the method behaves as before. The method's OpenAPI operation documents the header by itself
 * ({@link IdempotencyKeyParameter}): the resource does not name the parameter.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** What a retry is answered with. */
    @Nonbinding
    Replay replay() default Replay.STORED_ANSWER;

    enum Replay {
        /** The first answer, kept as it was given (status, Location, body). */
        STORED_ANSWER,
        /**
         * The resource the first answer was about, as it is now: only its id is kept (named by the use case with
         * {@link KeyedRequest#answers}), and the retry runs the operation again, which finds
         * {@link KeyedRequest#retryOf} set and renders that resource instead of changing anything. For answers that
         * carry personal data: no copy of it sits in the table, none outlives an erasure
         * ({@link StoredAnswers#forgetRequestsAbout}).
         */
        CURRENT_STATE
    }
}
