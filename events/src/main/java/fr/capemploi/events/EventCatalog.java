package fr.capemploi.events;

import fr.capemploi.events.beneficiary.BeneficiaryEvents;
import fr.capemploi.events.cep.CepEvents;
import fr.capemploi.events.cpf.CpfEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type ever published, gathered from each service's list ({@code BeneficiaryEvents}, {@code CepEvents},
 * {@code CpfEvents}). A new type or version comes with its schema next to its record and a golden sample in the
 * tests, so that consumers can always read what was once written.
 */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> TYPES;

    private static final Map<String, Class<? extends DomainEvent>> BY_KEY;

    static {
        List<Class<? extends DomainEvent>> types = new ArrayList<>();
        types.addAll(BeneficiaryEvents.TYPES);
        types.addAll(CepEvents.TYPES);
        types.addAll(CpfEvents.TYPES);
        TYPES = List.copyOf(types);
        Map<String, Class<? extends DomainEvent>> byKey = new LinkedHashMap<>();
        for (Class<? extends DomainEvent> type : TYPES) {
            EventType meta = metadata(type);
            if (byKey.put(key(meta.name(), meta.version()), type) != null) {
                throw new IllegalStateException("Event type declared twice: " + meta.name() + " v" + meta.version());
            }
        }
        BY_KEY = Collections.unmodifiableMap(byKey);
    }

    private EventCatalog() {
    }

    public static List<Class<? extends DomainEvent>> all() {
        return TYPES;
    }

    public static Optional<Class<? extends DomainEvent>> find(String name, int version) {
        return Optional.ofNullable(BY_KEY.get(key(name, version)));
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

    private static String key(String name, int version) {
        return name + "#" + version;
    }
}
