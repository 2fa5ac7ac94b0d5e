package fr.capemploi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

/**
 * "Erased means erased", as cep-service's and cpf-service's tests check it against their own database: the erasure
 * is applied, then a write about the person is 410 beneficiary-erased and leaves every row about them and the outbox
 * (hence the topic: only outbox rows are ever published) as they were.
 */
public final class ErasedPersonChecks {

    private final DataSource dataSource;
    private final String[][] tables;

    /**
     * @param tables each {@code {table, condition}}, the condition selecting the person's rows with one {@code ?}
     *               bound to the beneficiary id
     */
    public ErasedPersonChecks(DataSource dataSource, String[]... tables) {
        this.dataSource = dataSource;
        this.tables = tables;
    }

    /**
     * Publishes BeneficiaryErased as the registry does, on the real broker, and waits until the service's directory
     * ({@code known_beneficiary}) has applied it.
     */
    public void erase(UUID beneficiary, UUID structure, LocalDate on) {
        TestEvents.publish(new BeneficiaryErased(beneficiary, structure, on), on.atTime(8, 0).toInstant(ZoneOffset.UTC));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "1".equals(scalar("SELECT count(*) FROM known_beneficiary WHERE beneficiary_id = ? "
                        + "AND erased_on IS NOT NULL", beneficiary)));
    }

    /**
     * The platform's rule for an erasure whose registration never reached the service ({@code
     * BeneficiaryEntryProjection}): a tombstone, refused as erased at once; the registration published afterwards (a
     * replay) is applied to it without bringing the person back. Publishes the erasure, then {@code registration},
     * and waits until the directory has applied both.
     */
    public void erasedBeforeItsRegistrationArrived(UUID beneficiary, UUID structure, LocalDate on,
            BeneficiaryRegistered registration) {
        erase(beneficiary, structure, on);
        TestEvents.publish(registration, registration.entryDate().atTime(8, 0).toInstant(ZoneOffset.UTC));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "1".equals(scalar("SELECT count(*) FROM known_beneficiary WHERE beneficiary_id = ? "
                        + "AND entry_date IS NOT NULL", beneficiary)));
        assertThat(scalar("SELECT erased_on FROM known_beneficiary WHERE beneficiary_id = ?", beneficiary))
                .as("the erasure day, kept through the late registration").isEqualTo(on.toString());
    }

    /** 410 beneficiary-erased problem+json, and not a row nor an outbox event more or changed. */
    public void refused(UUID beneficiary, Supplier<Response> write) {
        Map<String, String> before = footprint(beneficiary);
        Response response = write.get();
        response.then().statusCode(410).contentType("application/problem+json");
        JsonNode problem = JsonAnswer.of(response);
        assertThat(problem.path("type").asText()).endsWith("/beneficiary-erased");
        assertThat(problem.path("title").asText()).isEqualTo("Beneficiary erased");
        assertThat(problem.path("status").asInt()).isEqualTo(410);
        assertThat(footprint(beneficiary)).isEqualTo(before);
    }

    /** Every row about the person, by content, and how many events about them the outbox holds. */
    public Map<String, String> footprint(UUID beneficiary) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String[] table : tables) {
            rows.put(table[0], scalar("SELECT count(*) || ':' || coalesce(md5(string_agg(row_to_json(t)::text, ',' "
                    + "ORDER BY row_to_json(t)::text)), '') FROM " + table[0] + " t WHERE " + table[1], beneficiary));
        }
        // rows, not content: the relay marks them sent meanwhile
        rows.put("outbox_event", scalar("SELECT count(*) FROM outbox_event "
                + "WHERE convert_from(envelope, 'UTF8') LIKE '%' || ? || '%'", beneficiary.toString()));
        return rows;
    }

    public String scalar(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
