package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;

/** One structure's indicators read as an analyst reads them, and the figures of one indicator in the answer. */
final class IndicatorReads {

    private IndicatorReads() {
    }

    /** {@code GET /indicators} for {@code structure} and {@code period}, as of {@code asOf} (none: now). */
    static JsonPath indicators(UUID structure, String period, String asOf) {
        var request = given().auth().oauth2(TestTokens.analyst()).queryParam("period", period)
                .queryParam("scope", "structure").queryParam("scopeId", structure.toString());
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return request.get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
    }

    /** {@code field} (value, numerator, denominator) of indicator {@code id}, which must be there. */
    static BigDecimal figure(JsonPath indicators, String id, String field) {
        String text = indicators.getString("indicators.find { it.id == '" + id + "' }." + field);
        assertThat(text).as(id + "." + field).isNotNull();
        return new BigDecimal(text);
    }

    /** {@code field} of the part {@code key} of indicator {@code id}'s breakdown, which must be there. */
    static BigDecimal part(JsonPath indicators, String id, String key, String field) {
        String text = indicators.getString("indicators.find { it.id == '" + id + "' }.breakdown.find { it.key == '"
                + key + "' }." + field);
        assertThat(text).as(id + " " + key + "." + field).isNotNull();
        return new BigDecimal(text);
    }

    /**
     * Checks the figures of {@code expected}, a table of one figure a line: {@code <indicator> <field> <value>}, or
     * {@code <indicator> <breakdown key> <field> <value>} for a part; {@code #} starts a comment (the hand-worked
     * reason). Values compare as numbers (7 equals 7.0); every line is checked and every mismatch reported.
     */
    static void expect(JsonPath indicators, String expected) {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (String line : expected.split("\n")) {
            String figure = line.replaceFirst("#.*", "").trim();
            if (figure.isEmpty()) {
                continue;
            }
            String[] words = figure.split("\\s+");
            assertThat(words.length).as("words of the line: %s", figure).isBetween(3, 4);
            String path = "indicators.find { it.id == '" + words[0] + "' }" + (words.length == 4
                    ? ".breakdown.find { it.key == '" + words[1] + "' }" : "") + "." + words[words.length - 2];
            String actual = indicators.getString(path);
            softly.assertThat(actual).as(figure).isNotNull();
            if (actual != null) {
                softly.assertThat(new BigDecimal(actual)).as(figure).isEqualByComparingTo(words[words.length - 1]);
            }
            checked++;
        }
        softly.assertAll();
        assertThat(checked).as("figures in the table").isPositive();
    }
}
