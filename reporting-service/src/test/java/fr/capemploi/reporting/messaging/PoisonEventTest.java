package fr.capemploi.reporting.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.events.cep.AccompanimentOpened;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import fr.capemploi.platform.consumer.DeadLetters;
import fr.capemploi.reporting.rest.IndicatorReads;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An event no projection can ever apply goes to the dead-letter topic with its reason; the stream goes on. */
@QuarkusTest
class PoisonEventTest {

    @Test
    void anImpossibleLevelIsDeadLetteredAndTheNextEventsStillApply() {
        UUID structure = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        TestEvents.publish(new StructureRegistered(structure, "POISON", "Cap emploi", TestRegion.POISON_EVENT.code,
                "18", LocalDate.of(2015, 1, 1)), Instant.parse("2015-01-01T00:00:00Z"));
        TestEvents.publish(new AccompanimentOpened(UUID.randomUUID(), person, structure, null, null, 7,
                CapEmploiService.TRAINING_PROJECT, WorkAxis.TRAINING_PROJECT, LocalDate.of(2016, 3, 1)),
                Instant.parse("2016-03-01T00:00:00Z"));
        // same person, hence same key and partition: read after the poison one
        TestEvents.publish(new AccompanimentOpened(UUID.randomUUID(), person, structure, null, null, 2,
                CapEmploiService.TRAINING_PROJECT, WorkAxis.TRAINING_PROJECT, LocalDate.of(2016, 3, 2)),
                Instant.parse("2016-03-02T00:00:00Z"));

        // every record read and committed (the lag, cheap to poll), then the figure once: polling the indicators, each
        // poll computing all of them, took the cores from the consumer it waited for
        ReportingScenario.awaitApplied();
        assertThat(opened(structure)).isEqualTo(1);
        ConsumerRecord<String, byte[]> letter = TopicProbe.records(
                        PlatformTestResource.topic(Topics.deadLetterOf(Topics.CEP))).stream()
                .filter(r -> person.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(letter.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                .contains("level 2 or 3");
    }

    private static long opened(UUID structure) {
        return IndicatorReads.value(given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "structure")
                .queryParam("scopeId", structure.toString()).queryParam("period", "2016").get("/api/v1/indicators"),
                "accompaniments-opened");
    }
}
