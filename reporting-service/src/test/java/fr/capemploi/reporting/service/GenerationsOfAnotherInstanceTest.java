package fr.capemploi.reporting.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.reporting.repository.GenerationRepository;
import fr.capemploi.reporting.rest.IndicatorReads;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several reporting instances share the generations table. What another instance does there (start a rebuild, switch
 * to the rebuilt generation) is written here straight into the table, as that instance would; this instance must
 * follow: feed its share of the rebuild, hand its live channel over, and answer from the new generation with the same
 * figures.
 */
@QuarkusTest
class GenerationsOfAnotherInstanceTest {

    private static final String PERIOD = "2017";
    private static final String REGION = TestRegion.GENERATIONS_OF_ANOTHER_INSTANCE.code;

    @Inject
    ProjectionGenerations generations;

    @Inject
    GenerationRepository repository;

    private long settled;

    @BeforeEach
    void someFacts() {
        for (int i = 0; i < 5; i++) {
            TestEvents.publish(new StructureRegistered(UUID.randomUUID(), "GA" + i, "Cap emploi", REGION, "75",
                    LocalDate.of(2017, 2, 1)), Instant.parse("2017-02-01T00:00:00Z"));
        }
        ReportingScenario.awaitApplied();
        settled = structuresRegistered();
        assertThat(settled).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aRebuildStartedByAnotherInstanceIsFedHereAndSwitchedTo() {
        Generation before = generations.active();
        int other = QuarkusTransaction.requiringNew().call(() -> {
            repository.lock();
            return repository.create(repository.lastNumber() + 1, Generation.State.BUILDING).number();
        });

        await("this instance takes its share of the rebuild or has already switched").atMost(Duration.ofSeconds(10))
                .until(() -> generations.rebuilding().map(n -> n == other).orElse(false)
                        || generations.active().number() == other);
        await("switched").atMost(Duration.ofSeconds(60)).until(() -> generations.active().number() == other);

        assertThat(generations.active().number()).isGreaterThan(before.number());
        assertThat(structuresRegistered()).isEqualTo(settled);
        assertThat(QuarkusTransaction.requiringNew().call(() -> repository.active().orElseThrow().number()))
                .isEqualTo(other);
        // a second POST on this instance starts a new rebuild rather than returning the switched one
        assertThat(generations.lastRebuild().orElseThrow().switchedAt()).isNotNull();
    }

    @Test
    void aSwitchMadeByAnotherInstanceIsFollowedWithTheSameFigures() {
        Generation before = generations.active();
        // another instance rebuilt a generation and switched to it between two looks of this one at the table
        int other = QuarkusTransaction.requiringNew().call(() -> {
            repository.lock();
            Generation created = repository.create(repository.lastNumber() + 1, Generation.State.BUILDING);
            // as that instance's rebuild did once caught up: its pre-aggregates back before it may answer
            assertThat(repository.restoreUpkeep(created)).isTrue();
            repository.switchTo(new Generation(created.number(), created.schema(), Generation.State.ACTIVE));
            return created.number();
        });

        await("this instance follows the switch").atMost(Duration.ofSeconds(10))
                .until(() -> generations.active().number() == other);
        assertThat(other).isGreaterThan(before.number());
        // the live channel feeds the new generation from its (absent) positions: from offset 0, each event once
        ReportingScenario.awaitApplied();
        assertThat(structuresRegistered()).as("the new generation caught up").isEqualTo(settled);
        TestEvents.publish(new StructureRegistered(UUID.randomUUID(), "GB", "Cap emploi", REGION, "75",
                LocalDate.of(2017, 3, 1)), Instant.parse("2017-03-01T00:00:00Z"));
        ReportingScenario.awaitApplied();
        assertThat(structuresRegistered()).isEqualTo(settled + 1);
    }

    private static long structuresRegistered() {
        return IndicatorReads.value(given().auth().oauth2(TestTokens.analyst()).queryParam("period", PERIOD)
                .get("/api/v1/indicators"), "structures-registered");
    }
}
