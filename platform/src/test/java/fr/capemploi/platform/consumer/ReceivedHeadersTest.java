package fr.capemploi.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** After the same calls, a consumed record's headers show what Kafka's own headers would. */
class ReceivedHeadersTest {

    @Test
    void theConnectorsGenerationHeaderComesAndGoesLeavingTheReceivedOnes() {
        sameAsKafkas(headers -> {
            headers.add("__smallrye_generationId", bytes("7"));
            assertThat(new String(headers.lastHeader("__smallrye_generationId").value(), StandardCharsets.UTF_8))
                    .isEqualTo("7");
            headers.remove("__smallrye_generationId");
            assertThat(headers.lastHeader("__smallrye_generationId")).isNull();
        });
    }

    @Test
    void aReceivedKeyRemovedIsGoneEvenIfAddedBeforeAndAgainAfter() {
        sameAsKafkas(headers -> {
            headers.add("ce_type", bytes("added before"));
            headers.remove("ce_type");
            assertThat(headers.lastHeader("ce_type")).isNull();
            assertThat(headers.headers("ce_type")).isEmpty();
            headers.add("ce_type", bytes("added after"));
            headers.add("ce_id", bytes("2"));
            assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("added after");
            assertThat(headers.headers("ce_id")).hasSize(2);
            assertThat(new String(headers.lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("2");
        });
    }

    @Test
    void untouchedTheyAreTheReceivedOnes() {
        sameAsKafkas(headers -> assertThat(headers.lastHeader("ce_source")).isNull());
    }

    /** Runs the calls on Kafka's headers and on ours, both as received, and compares what each then shows. */
    private static void sameAsKafkas(Consumer<Headers> calls) {
        RecordHeaders kafkas = received();
        ReceivedHeaders ours = new ReceivedHeaders(received());

        calls.accept(kafkas);
        calls.accept(ours);

        assertThat(ours.toArray()).containsExactly(kafkas.toArray());
        assertThat(ours).containsExactly(kafkas.toArray());
        for (Header header : kafkas) {
            assertThat(ours.lastHeader(header.key())).isEqualTo(kafkas.lastHeader(header.key()));
            assertThat(ours.headers(header.key())).containsExactlyElementsOf(kafkas.headers(header.key()));
        }
    }

    private static RecordHeaders received() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", bytes("StructureRegistered"));
        headers.add("ce_id", bytes("1"));
        headers.add("ce_specversion", bytes("1.0"));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
