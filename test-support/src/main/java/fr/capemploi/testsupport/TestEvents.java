package fr.capemploi.testsupport;

import fr.capemploi.events.CloudEventHeaders;
import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventCatalog;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events the way another service's outbox relay does, to feed a consumer under test. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope envelope(DomainEvent event, Instant occurredAt) {
        return EventCodec.envelope(event, occurredAt, "test-publisher", Clock.systemUTC());
    }

    /** Sends an envelope (again, if it was sent before: a redelivery) to the topic of its event type. */
    public static void publish(DomainEvent event, EventEnvelope envelope) {
        String topic = PlatformTestResource.topic(EventCatalog.metadata(event.getClass()).topic());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.recordKey().toString(),
                EventCodec.toBytes(envelope));
        CloudEventHeaders.of(envelope).forEach((name, value) -> record.headers().add(name, value));
        send(record);
    }

    public static EventEnvelope publish(DomainEvent event, Instant occurredAt) {
        EventEnvelope envelope = envelope(event, occurredAt);
        publish(event, envelope);
        return envelope;
    }

    public static void publishRaw(String logicalTopic, String key, byte[] value) {
        send(new ProducerRecord<>(PlatformTestResource.topic(logicalTopic), key, value));
    }

    /**
     * One producer for the JVM, as a service's relay has one: a producer per event cost a connection, a metadata
     * round trip and a close (about a tenth of a second) for every fixture that announces a person.
     */
    private static KafkaProducer<String, byte[]> producer;
    private static String producerServers;

    private static synchronized KafkaProducer<String, byte[]> producer() {
        String servers = TestKafka.bootstrapServers();
        if (producer == null || !servers.equals(producerServers)) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(1));
            }
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
            producerServers = servers;
            KafkaProducer<String, byte[]> created = producer;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> created.close(Duration.ofSeconds(1)),
                    "test-events-producer-close"));
        }
        return producer;
    }

    /** Sends and waits for the broker's acknowledgement, so the record is on the topic when this returns. */
    private static void send(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish a test event", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
