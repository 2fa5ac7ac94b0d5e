package fr.capemploi.platform.config;

import jakarta.enterprise.context.ApplicationScoped;

/** Maps the logical topics of {@code fr.capemploi.events.Topics} to the broker's physical names. */
@ApplicationScoped
public class TopicNames {

    private final String prefix;

    public TopicNames(PlatformConfig config) {
        this.prefix = config.kafka().topicPrefix().orElse("");
    }

    public String physical(String logicalTopic) {
        return prefix + logicalTopic;
    }

    public String logical(String physicalTopic) {
        return physicalTopic.startsWith(prefix) ? physicalTopic.substring(prefix.length()) : physicalTopic;
    }
}
