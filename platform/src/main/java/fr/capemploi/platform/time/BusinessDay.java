package fr.capemploi.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one way to turn an instant into a business date and back. Business dates are French calendar days (DOMAIN.md:
 * the structures work in France): an event known by its day occurred at the start of that day in Paris, and the day
 * of an instant is its date in Paris — never in UTC, which puts the evening's facts on the next day.
 */
public final class BusinessDay {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private BusinessDay() {
    }

    /** Today in France by the given clock (tests set the clock to another day). */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The occurredAt of a fact known by its day only. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The business day an instant falls on. */
    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
