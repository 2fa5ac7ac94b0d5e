package fr.capemploi.beneficiary.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are French dates: "today" and the instant a dated fact is published at follow Paris time. */
public final class FrenchCalendar {

    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private FrenchCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(FRANCE));
    }

    /** The occurredAt of a fact known by its day only. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(FRANCE).toInstant();
    }
}
