package fr.capemploi.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec's reading of UUIDs from the parser's characters gives what Jackson's own reader gives, value or failure. */
class CanonicalIdsTest {

    private static final ObjectMapper GENERAL = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"3f2b8c1e-6d4a-4b7e-9c0d-1a2b3c4d5e6f", "3F2B8C1E-6D4A-4B7E-9C0D-1A2B3C4D5E6F",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "80000000-0000-0000-8000-000000000000", "3f2b8c1e-6d4a-4b7e-9c0d-1a2b3c4d5e6", "3f2b8c1e6d4a4b7e9c0d1a2b3c4d5e6f",
            "3f2b8c1e-6d4a-4b7e-9c0d_1a2b3c4d5e6f", "3f2b8c1e-6d4a-4b7e-9c0d-1a2b3c4d5e6g", "3f2b8c1e-6d4a--b7e-9c0d-1a2b3c4d5e6f",
            "-3f2b8c1-6d4a-4b7e-9c0d-1a2b3c4d5e6f", "3f2b8c1é-6d4a-4b7e-9c0d-1a2b3c4d5e6f", " 3f2b8c1e-6d4a-4b7e-9c0d-1a2b3c4d5e6",
            "AAAAAAAAAAAAAAAAAAAAAA==", "", "not a uuid"})
    void idsReadAsJacksonReadsThem(String text) throws Exception {
        String json = GENERAL.writeValueAsString(text);
        assertSameOutcome(() -> EventCodec.mapper().readValue(json, UUID.class), () -> GENERAL.readValue(json, UUID.class));
    }

    @Test
    void everyIdReadsBackAsWritten() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            String json = "\"" + (i % 2 == 0 ? id.toString() : id.toString().toUpperCase()) + "\"";
            assertThat(EventCodec.mapper().readValue(json, UUID.class)).isEqualTo(id);
        }
    }

    @Test
    void nullsAndNumbersAreJacksonsBusiness() throws Exception {
        assertSameOutcome(() -> EventCodec.mapper().readValue("null", UUID.class), () -> GENERAL.readValue("null", UUID.class));
        assertSameOutcome(() -> EventCodec.mapper().readValue("12", UUID.class), () -> GENERAL.readValue("12", UUID.class));
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
