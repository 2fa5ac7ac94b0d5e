package fr.capemploi.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.platform.problem.ConflictException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The course of a consent, the same for the registry's GDPR consents and the CPF mobilisation consents. */
class ConsentTermTest {

    private static final LocalDate GIVEN = LocalDate.of(2019, 3, 11);

    @Test
    void inForceFromTheDayItWasGivenUntilTheDayItIsWithdrawn() {
        ConsentTerm term = new ConsentTerm(GIVEN);
        assertThat(term.inForceOn(GIVEN.minusDays(1))).isFalse();
        assertThat(term.inForceOn(GIVEN)).isTrue();
        assertThat(term.active()).isTrue();

        term.withdraw(GIVEN.plusDays(10), "Consent c-1");

        assertThat(term.active()).isFalse();
        assertThat(term.withdrawnOn()).isEqualTo(GIVEN.plusDays(10));
        assertThat(term.inForceOn(GIVEN.plusDays(9))).isTrue();
        assertThat(term.inForceOn(GIVEN.plusDays(10))).as("withdrawn that day").isFalse();
    }

    @Test
    void withdrawnOnceOnly() {
        ConsentTerm term = new ConsentTerm(GIVEN);
        term.withdraw(GIVEN, "Consent c-1");

        assertThatThrownBy(() -> term.withdraw(GIVEN.plusDays(1), "Consent c-1"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Consent c-1 was already withdrawn on " + GIVEN);
        assertThat(term.withdrawnOn()).isEqualTo(GIVEN);
    }

    @Test
    void notWithdrawnBeforeItWasGiven() {
        ConsentTerm term = new ConsentTerm(GIVEN);

        assertThatThrownBy(() -> term.withdraw(GIVEN.minusDays(1), "Consent c-1"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.attribute()).isEqualTo("withdrawnOn"));
        assertThat(term.active()).isTrue();
    }
}
