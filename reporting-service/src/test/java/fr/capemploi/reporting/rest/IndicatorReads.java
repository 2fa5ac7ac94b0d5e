package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.TestTokens;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;

/**
 * One structure's indicators read as an analyst reads them, and the figures of one indicator in the answer. The
 * answers are read with Jackson ({@link JsonAnswer}): a RestAssured path ({@code indicators.find { it.id == ... }})
 * compiles a Groovy script at each evaluation, 6-13 ms of the test JVM's CPU, and the tables of figures below
 * evaluate one per line.
 */
public final class IndicatorReads {

    private IndicatorReads() {
    }

    /** {@code GET /indicators} for {@code structure} and {@code period}, as of {@code asOf} (none: now). */
    static JsonNode indicators(UUID structure, String period, String asOf) {
        var request = given().auth().oauth2(TestTokens.analyst()).queryParam("period", period)
                .queryParam("scope", "structure").queryParam("scopeId", structure.toString());
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return JsonAnswer.of(request.get("/api/v1/indicators").then().statusCode(200).extract().response());
    }

    /** The {@code value} of indicator {@code id} in an answer of {@code GET /indicators}, which must be there. */
    public static long value(Response indicators, String id) {
        return figure(JsonAnswer.of(indicators.then().statusCode(200).extract().response()), id, "value")
                .longValueExact();
    }

    /** Indicator {@code id} of the answer; a missing node if it is not there. */
    static JsonNode indicator(JsonNode indicators, String id) {
        for (JsonNode indicator : indicators.path("indicators")) {
            if (id.equals(indicator.path("id").asText())) {
                return indicator;
            }
        }
        return indicators.path("indicators").path(-1);
    }

    /** The part {@code key} of indicator {@code id}'s breakdown; a missing node if it is not there. */
    static JsonNode part(JsonNode indicators, String id, String key) {
        JsonNode breakdown = indicator(indicators, id).path("breakdown");
        for (JsonNode part : breakdown) {
            if (key.equals(part.path("key").asText())) {
                return part;
            }
        }
        return breakdown.path(-1);
    }

    /** {@code field} (value, numerator, denominator) of indicator {@code id}, which must be there. */
    static BigDecimal figure(JsonNode indicators, String id, String field) {
        String text = text(indicator(indicators, id).path(field));
        assertThat(text).as(id + "." + field).isNotNull();
        return new BigDecimal(text);
    }

    /** {@code field} of the part {@code key} of indicator {@code id}'s breakdown, which must be there. */
    static BigDecimal part(JsonNode indicators, String id, String key, String field) {
        String text = text(part(indicators, id, key).path(field));
        assertThat(text).as(id + " " + key + "." + field).isNotNull();
        return new BigDecimal(text);
    }

    /**
     * The text of a number or string node as a RestAssured path gave it: null for a null or missing node, a fraction
     * at a float's precision (the hand-worked 17.7 is 17.700000000000003 in {@code percentile_cont}'s doubles).
     */
    public static String text(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isFloatingPointNumber() ? Float.toString(node.floatValue()) : node.asText();
    }

    /**
     * Checks the figures of {@code expected}, a table of one figure a line: {@code <indicator> <field> <value>}, or
     * {@code <indicator> <breakdown key> <field> <value>} for a part; {@code #} starts a comment (the hand-worked
     * reason). Values compare as numbers (7 equals 7.0); every line is checked and every mismatch reported.
     */
    static void expect(JsonNode indicators, String expected) {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (String line : expected.split("\n")) {
            String figure = line.replaceFirst("#.*", "").trim();
            if (figure.isEmpty()) {
                continue;
            }
            String[] words = figure.split("\\s+");
            assertThat(words.length).as("words of the line: %s", figure).isBetween(3, 4);
            JsonNode owner = words.length == 4 ? part(indicators, words[0], words[1]) : indicator(indicators, words[0]);
            String actual = text(owner.path(words[words.length - 2]));
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
