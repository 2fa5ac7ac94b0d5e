package fr.capemploi.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue resource and the enum describe the same indicators, and every one reads as the readers need it. */
class IndicatorTest {

    @Test
    void theResourceHasOneEntryPerIndicatorAndNoOther() throws IOException {
        List<String> listed = new ArrayList<>();
        try (InputStream in = Indicator.class.getClassLoader().getResourceAsStream(Indicator.RESOURCE)) {
            new ObjectMapper().readTree(in).get("indicators").forEach(entry -> listed.add(entry.get("id").asText()));
        }
        assertThat(listed).containsExactlyElementsOf(Arrays.stream(Indicator.values()).map(Indicator::id).toList());
    }

    @Test
    void everyIndicatorHasItsGroupUnitLabelAndDefinition() {
        assertThat(Indicator.values()).allSatisfy(indicator -> {
            assertThat(indicator.group()).as(indicator.id()).isBetween(0, 12);
            assertThat(indicator.unit()).as(indicator.id()).isNotNull();
            assertThat(indicator.label()).as(indicator.id()).isNotBlank();
            assertThat(indicator.definition()).as(indicator.id()).isNotBlank();
        });
        assertThat(Indicator.byId("cpf-presented")).contains(Indicator.CPF_PRESENTED);
        assertThat(Indicator.CPF_PRESENTED.label()).isEqualTo("Bénéficiaires accompagnés à qui le CPF a été présenté");
        assertThat(Indicator.CPF_PRESENTED.unit()).isEqualTo(Indicator.Unit.PERCENT);
        assertThat(Indicator.CPF_PRESENTED.group()).isEqualTo(6);
    }
}
