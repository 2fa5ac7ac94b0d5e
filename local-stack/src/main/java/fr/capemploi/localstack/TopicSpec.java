package fr.capemploi.localstack;

import java.util.List;
import java.util.Map;

/** A topic the services expect to exist before they start. */
public record TopicSpec(String name, int partitions, Map<String, String> config) {

    /** Events are the source of every projection: they are kept forever so that a projection can be replayed. */
    private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1");

    public static final List<TopicSpec> SUITE_TOPICS = List.of(
            new TopicSpec("beneficiary.events", 3, KEEP_FOREVER),
            new TopicSpec("cep.events", 3, KEEP_FOREVER),
            new TopicSpec("cpf.events", 3, KEEP_FOREVER),
            new TopicSpec("beneficiary.events.dlq", 1, KEEP_FOREVER),
            new TopicSpec("cep.events.dlq", 1, KEEP_FOREVER),
            new TopicSpec("cpf.events.dlq", 1, KEEP_FOREVER));
}
