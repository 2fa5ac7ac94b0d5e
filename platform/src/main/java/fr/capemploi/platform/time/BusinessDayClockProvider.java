package fr.capemploi.platform.time;

import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * What "present" means to {@code @PastOrPresent} and its kin on a request's dates: today in France (BusinessDay), by
 * the injectable clock. Bean Validation's default is the JVM's zone, UTC on a server: from midnight in Paris to
 * midnight in UTC it still thought the day was yesterday, and refused a fact recorded on the day it happened.
 * Quarkus's ValidatorFactory takes the ClockProvider bean in place of its default.
 */
@Singleton
public class BusinessDayClockProvider implements ClockProvider {

    private final Clock clock;

    public BusinessDayClockProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock.withZone(BusinessDay.ZONE);
    }
}
