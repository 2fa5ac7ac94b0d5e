package fr.capemploi.beneficiary.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void matchesTheCurrentVersionOnly() {
        assertThatCode(() -> IfMatch.parse("\"3\"").check(3, true, "beneficiary")).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.parse("\"1\", \"3\"").check(3, true, "beneficiary")).doesNotThrowAnyException();
        assertThatCode(() -> IfMatch.parse("*").check(8, true, "beneficiary")).doesNotThrowAnyException();
        assertThatThrownBy(() -> IfMatch.parse("\"2\"").check(3, true, "beneficiary"))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("\"3\"");
    }

    @Test
    void weakOrForeignTagsNeverMatch() {
        assertThatThrownBy(() -> IfMatch.parse("W/\"3\"").check(3, true, "beneficiary"))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> IfMatch.parse("\"abc\"").check(3, true, "beneficiary"))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> IfMatch.parse("3").check(3, true, "beneficiary"))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void absentIsRefusedOnlyWhereRequired() {
        assertThatThrownBy(() -> IfMatch.parse(null).check(3, true, "beneficiary"))
                .isInstanceOf(PreconditionRequiredException.class);
        assertThatCode(() -> IfMatch.parse(" ").check(3, false, "beneficiary")).doesNotThrowAnyException();
    }
}
