package fr.capemploi.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record on the wire. The name and version are the contract with every consumer and are never
 * reused for a different shape: a changed shape is a new version, and consumers keep accepting the old ones.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String name();

    int version() default 1;

    /** The topic of the owning service, see {@link Topics}. */
    String topic();

    /** The aggregate the event is about, e.g. {@code Structure} or {@code Beneficiary}. */
    String aggregateType();
}
