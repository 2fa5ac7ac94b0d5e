package fr.capemploi.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST resource method that honours the {@code Idempotency-Key} request header: a retry of the same request
 * (same caller, same operation, same key, same path and body) gets the first answer back, marked
 * {@code Idempotent-Replayed: true}, and changes nothing; the same key with another request is refused with 422.
 * Without the header the method behaves as before.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
