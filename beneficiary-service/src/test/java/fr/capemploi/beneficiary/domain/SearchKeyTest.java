package fr.capemploi.beneficiary.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hélène|helene",
            "HELENE|helene",
            "  Hélène   Dupré |helene dupre",
            "Saint-Étienne|saint etienne",
            "N'Diaye|n diaye",
            "Lætitia Cœur|laetitia coeur",
            "Çağlar Öztürk|caglar ozturk",
            "Straße|strasse"})
    void ignoresCaseAccentsLigaturesAndPunctuation(String name, String key) {
        assertThat(SearchKey.of(name)).isEqualTo(key);
    }

    @Test
    void splitsAQueryIntoNormalisedWords() {
        assertThat(SearchKey.words("Dupré  HÉLÈNE")).containsExactly("dupre", "helene");
        assertThat(SearchKey.words("  ")).isEmpty();
        assertThat(SearchKey.words(null)).isEmpty();
    }
}
