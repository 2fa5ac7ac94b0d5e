package fr.capemploi.beneficiary.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NirTest {

    /** Keys worked out by hand: 97 - (n mod 97), Corsica counted as 19 (2A) and 18 (2B). */
    @ParameterizedTest
    @CsvSource({
            "2740275123456, 29",
            "1850169123045, 97", // n mod 97 = 0: the key is 97, not 0
            "274022A123456, 86",
            "185012B042031, 38",
            "2900133012345, 21"})
    void controlKeyIsNinetySevenMinusTheRemainder(String thirteen, int key) {
        assertThat(Nir.controlKey(thirteen)).isEqualTo(key);
    }

    @Test
    void corsicanDepartementsCountAsNineteenAndEighteen() {
        assertThat(Nir.controlKey("274022A123456")).isEqualTo(Nir.controlKey("2740219123456"));
        assertThat(Nir.controlKey("185012B042031")).isEqualTo(Nir.controlKey("1850118042031"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"274027512345629", "2 74 02 75 123 456 29", "274022a12345686", "185012B04203138",
            "185016912304597"})
    void acceptsValidNumbersWithSpacesAndLowerCaseCorsica(String input) {
        Nir nir = Nir.parse(input);
        assertThat(nir.value()).hasSize(15).doesNotContain(" ").isUpperCase();
    }

    @ParameterizedTest
    @CsvSource({
            "274027512345628, control key",
            "274022A12345685, control key",
            "27402751234562, 15 characters",
            "2740275123456299, 15 characters",
            "574027512345629, sex digit",
            "274022C12345686, département",
            "2740275123A5629, 6 digits"})
    void refusesMalformedNumbersWithoutRepeatingThem(String input, String reason) {
        assertThatThrownBy(() -> Nir.parse(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason).message().doesNotContain(input);
        assertThat(Nir.problemWith(input)).isPresent();
    }

    @Test
    void neverPrintsTheNumber() {
        Nir nir = Nir.parse("274027512345629");
        assertThat(nir.toString()).doesNotContain("2740275").doesNotContain("29");
        assertThat(nir).isEqualTo(Nir.parse("2 74 02 75 123 456 29"));
    }
}
