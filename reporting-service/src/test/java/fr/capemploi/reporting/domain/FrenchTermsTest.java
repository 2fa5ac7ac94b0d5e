package fr.capemploi.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchTermsTest {

    /** Read from the resource as UTF-8 (the accents survive), funders through their breakdown prefix. */
    @Test
    void aCategoryReadsInFrenchAndAnUnknownOneAsItIs() {
        assertThat(FrenchTerms.of("POLE_EMPLOI")).isEqualTo("Pôle emploi");
        assertThat(FrenchTerms.of("funder-AGEFIPH")).isEqualTo("Agefiph");
        assertThat(FrenchTerms.of("SLOW_CO_FUNDING_ANSWERS")).isEqualTo("Lenteur des réponses sur les co-financements");
        assertThat(FrenchTerms.of("NOT_A_TERM")).isEqualTo("NOT_A_TERM");
        assertThat(FrenchTerms.of(null)).isEqualTo("Non renseigné");
    }
}
