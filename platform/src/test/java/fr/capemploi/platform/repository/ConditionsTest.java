package fr.capemploi.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void aFilterLeftEmptyFiltersNothingAndEveryGivenOneIsBound() {
        Conditions conditions = new Conditions().and("structureId = :structure", "structure", "s")
                .andIfGiven("beneficiaryId = :beneficiary", "beneficiary", null)
                .andIfGiven("contactDate >= :from", "from", "2016-03-16")
                .and("closedOn is null");
        assertThat(conditions.query())
                .isEqualTo("structureId = :structure and contactDate >= :from and closedOn is null");
        assertThat(conditions.parameters().map()).isEqualTo(Map.of("structure", "s", "from", "2016-03-16"));
    }

    @Test
    void noConditionReadsEveryRow() {
        Conditions conditions = new Conditions().andIfGiven("beneficiaryId = :beneficiary", "beneficiary", null);
        assertThat(conditions.query()).isEqualTo("1 = 1");
        assertThat(conditions.parameters().map()).isEmpty();
    }
}
