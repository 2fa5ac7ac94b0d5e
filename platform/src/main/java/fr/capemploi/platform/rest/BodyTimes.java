package fr.capemploi.platform.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.events.CanonicalTimes;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Days and instants of request bodies in their ISO form ({@code 2016-03-14}, {@code 2016-03-14T10:15:30Z}) read without
 * {@code DateTimeFormatter}, whose general parsing was a twentieth of a level-1 contact's request thread on the C1-only
 * JVM (bench/JOURNAL.md, "Write path"). The events' reader does the same; any other form, an invalid day or a property
 * with a format of its own still goes to the Java time module, so answers (and the problems naming a bad date) do not
 * change.
 */
@Singleton
public class BodyTimes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(CanonicalTimes.module());
    }

    @Override
    public int priority() {
        // last: after the Java time module, whose readers stay the fall-back (the last module registered is asked first)
        return MINIMUM_PRIORITY;
    }
}
