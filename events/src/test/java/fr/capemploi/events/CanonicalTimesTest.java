package fr.capemploi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec's quick reading of instants and days gives what the Java time module gives, value or failure. */
class CanonicalTimesTest {

    private static final ObjectMapper GENERAL = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @ParameterizedTest
    @ValueSource(strings = {"2016-05-02T10:15:30Z", "2016-05-02T10:15:30.1Z", "2016-05-02T10:15:30.123456Z",
            "2016-05-02T10:15:30.123456789Z", "2016-02-29T00:00:00.000Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2015-02-29T10:15:30Z", "2016-13-01T10:15:30Z", "2016-05-02T24:00:00Z", "2016-05-02T23:59:60Z",
            "2016-05-02T10:60:00Z", "2016-05-02T10:15:30.Z", "2016-05-02T10:15:30.1234567890Z",
            "2016-05-02T10:15:30+01:00", "2016-05-02T10:15:30.5+00:00", "2016-05-02t10:15:30z",
            "2016-05-02 10:15:30Z", "+2016-05-02T10:15:30Z", "2016-5-2T10:15:30Z", "1462184130",
            " 2016-05-02T10:15:30Z", "2016-05-02T10:15:3aZ", ""})
    void instantsReadAsTheJavaTimeModuleReadsThem(String text) throws Exception {
        String json = GENERAL.writeValueAsString(text);
        assertSameOutcome(() -> EventCodec.mapper().readValue(json, Instant.class),
                () -> GENERAL.readValue(json, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-05-02", "2016-02-29", "2015-02-29", "2016-04-31", "0000-01-01", "9999-12-31",
            "2016-00-10", "2016-5-02", "2016/05/02", "2016-05-02T10:15:30", "+2016-05-02", "20160502", "", " 2016-05-02"})
    void daysReadAsTheJavaTimeModuleReadsThem(String text) throws Exception {
        String json = GENERAL.writeValueAsString(text);
        assertSameOutcome(() -> EventCodec.mapper().readValue(json, LocalDate.class),
                () -> GENERAL.readValue(json, LocalDate.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-05-02T10:15:30Z", "2016-05-02T10:15:30.100Z", "2016-05-02T10:15:30.123456Z",
            "2016-05-02T10:15:30.123456789Z", "2016-05-02T10:15:30.000001Z", "2016-05-02T10:15:30.000000001Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z", "1000-01-01T00:00:00Z", "0999-12-31T23:59:59Z",
            "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void instantsWrittenAsInstantWritesThem(String text) {
        Instant instant = Instant.parse(text);
        assertThat(CanonicalTimes.text(instant)).isEqualTo(instant.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-05-02", "2016-02-29", "1000-01-01", "0999-12-31", "9999-12-31", "+10000-01-01",
            "-0001-01-01", "1969-12-31"})
    void daysWrittenAsLocalDateWritesThem(String text) {
        LocalDate day = LocalDate.parse(text);
        assertThat(CanonicalTimes.text(day)).isEqualTo(day.toString());
    }

    private static void assertSameOutcome(Callable<Object> quick, Callable<Object> general) {
        Object expected;
        try {
            expected = general.call();
        } catch (Exception failure) {
            expected = failure.getClass();
        }
        Object actual;
        try {
            actual = quick.call();
        } catch (Exception failure) {
            actual = failure.getClass();
        }
        assertThat(actual).isEqualTo(expected);
    }
}
