package fr.capemploi.events;

import fr.capemploi.events.beneficiary.BeneficiaryEvents;
import fr.capemploi.events.cep.CepEvents;
import fr.capemploi.events.cpf.CpfEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every event type ever published, gathered from each service's list ({@code BeneficiaryEvents}, {@code CepEvents},
 * {@code CpfEvents}). A new type or version comes with its schema next to its record and a golden sample in the
 * tests, so that consumers can always read what was once written.
 */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> TYPES;

    /**
     * By name, then by version: a look-up per record read builds no key (a {@code name#version} string per look-up was
     * a concatenation and a hash of a new string for every event a consumer read).
     */
    private static final Map<String, Named> BY_NAME;

    static {
        List<Class<? extends DomainEvent>> types = new ArrayList<>();
        types.addAll(BeneficiaryEvents.TYPES);
        types.addAll(CepEvents.TYPES);
        types.addAll(CpfEvents.TYPES);
        TYPES = List.copyOf(types);
        Map<String, Map<Integer, Class<? extends DomainEvent>>> byName = new LinkedHashMap<>();
        for (Class<? extends DomainEvent> type : TYPES) {
            EventType meta = metadata(type);
            if (byName.computeIfAbsent(meta.name(), n -> new LinkedHashMap<>()).put(meta.version(), type) != null) {
                throw new IllegalStateException("Event type declared twice: " + meta.name() + " v" + meta.version());
            }
        }
        Map<String, Named> named = new LinkedHashMap<>();
        byName.forEach((name, versions) -> named.put(name, Named.of(name, versions)));
        BY_NAME = Collections.unmodifiableMap(named);
    }

    private EventCatalog() {
    }

    public static List<Class<? extends DomainEvent>> all() {
        return TYPES;
    }

    /** The type of that name and version, null for a type or version this build does not know. */
    public static Class<? extends DomainEvent> type(String name, int version) {
        Named named = name == null ? null : BY_NAME.get(name);
        return named == null || version < 0 || version >= named.versions().length ? null : named.versions()[version];
    }

    /**
     * The catalogue's own instance of a known type's name (the one its {@link EventType} declares), else the name
     * given: a name read from a record is a new string each time, and every consumer looks it up again (the
     * projections' dispatch by type); the catalogue's instance has its hash computed once and compares by identity.
     */
    public static String canonicalName(String name) {
        Named named = name == null ? null : BY_NAME.get(name);
        return named == null ? name : named.name();
    }

    public static EventType metadata(Class<? extends DomainEvent> type) {
        EventType meta = type.getAnnotation(EventType.class);
        if (meta == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @EventType");
        }
        return meta;
    }

    /** Classpath resource of the JSON Schema of an event's payload, kept next to its record. */
    public static String schemaResource(Class<? extends DomainEvent> type) {
        EventType meta = metadata(type);
        return type.getPackageName().replace('.', '/') + "/" + meta.name() + ".v" + meta.version() + ".schema.json";
    }

    public static String schemaUri(String name, int version) {
        return "urn:cepcpf:event-schema:" + name + ":v" + version;
    }

    /** A type's name and its records by version (index; versions start at 1). */
    private record Named(String name, Class<? extends DomainEvent>[] versions) {

        @SuppressWarnings("unchecked")
        static Named of(String name, Map<Integer, Class<? extends DomainEvent>> versions) {
            int highest = versions.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            Class<? extends DomainEvent>[] byVersion = new Class[highest + 1];
            versions.forEach((version, type) -> byVersion[version] = type);
            return new Named(name, byVersion);
        }
    }
}
