package fr.capemploi.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchTermsTest {

    /** Read from the resource as UTF-8 (the accents survive), funders through their breakdown prefix. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POLE_EMPLOI|Pôle emploi",
            "funder-AGEFIPH|Agefiph",
            "SLOW_CO_FUNDING_ANSWERS|Lenteur des réponses sur les co-financements",
            "NOT_A_TERM|NOT_A_TERM"})
    void aCategoryReadsInFrench(String key, String words) {
        assertThat(FrenchTerms.of(key)).isEqualTo(words);
    }

    @Test
    void noValueIsNotFilledIn() {
        assertThat(FrenchTerms.of(null)).isEqualTo("Non renseigné");
    }
}
