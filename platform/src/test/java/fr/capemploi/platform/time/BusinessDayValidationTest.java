package fr.capemploi.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A request's date is checked against today in France, not against the server's UTC date. */
@QuarkusTest
class BusinessDayValidationTest {

    record Fact(@PastOrPresent LocalDate on) {
    }

    /** The factory of the validators the REST layer uses, as Quarkus built it. */
    @Inject
    ValidatorFactory validators;

    @Test
    void theApplicationsValidatorsTellTheTimeInFrance() {
        assertThat(validators.getClockProvider()).isInstanceOf(BusinessDayClockProvider.class);
        assertThat(validators.getClockProvider().getClock().getZone()).isEqualTo(BusinessDay.ZONE);
        assertThat(validators.getValidator().validate(new Fact(BusinessDay.today(Clock.systemUTC()).plusDays(1))))
                .as("tomorrow in France is not present").hasSize(1);
    }

    @Test
    void halfAnHourAfterMidnightInParisTheParisDayIsPresentWhileUtcIsStillTheDayBefore() {
        Clock utc = Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneOffset.UTC);
        Validator atThatInstant = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).clockProvider(new BusinessDayClockProvider(utc)).buildValidatorFactory().getValidator();

        assertThat(atThatInstant.validate(new Fact(LocalDate.parse("2026-12-06")))).isEmpty();
        assertThat(atThatInstant.validate(new Fact(LocalDate.parse("2026-12-07")))).hasSize(1);
    }
}
