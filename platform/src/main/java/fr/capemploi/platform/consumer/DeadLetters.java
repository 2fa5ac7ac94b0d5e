package fr.capemploi.platform.consumer;

import fr.capemploi.events.Topics;
import fr.capemploi.platform.config.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Parks a record that can never be applied on {@code <topic>.dlq}, with why and where it came from. */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String CONSUMER = "dlq-consumer";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";

    private final KafkaClients kafkaClients;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetters(KafkaClients kafkaClients) {
        this.kafkaClients = kafkaClients;
    }

    /** Blocks until the broker acknowledged the dead letter, so the caller may then move past the record. */
    public synchronized void send(String consumer, ConsumerRecord<String, byte[]> record, String reason)
            throws InterruptedException, ExecutionException {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), record.key(),
                record.value());
        record.headers().forEach(header -> letter.headers().add(header));
        letter.headers().add(REASON, bytes(reason));
        letter.headers().add(CONSUMER, bytes(consumer));
        letter.headers().add(ORIGINAL_TOPIC, bytes(record.topic()));
        letter.headers().add(ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
        letter.headers().add(ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
        try {
            producer().send(letter).get();
        } catch (ExecutionException | RuntimeException e) {
            close();
            throw e;
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        close();
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafkaClients.producer("dead-letters");
        }
        return producer;
    }

    private synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
