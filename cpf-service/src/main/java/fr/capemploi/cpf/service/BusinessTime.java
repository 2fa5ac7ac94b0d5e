package fr.capemploi.cpf.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are French calendar days: an event's time is the start of its day in Paris. */
final class BusinessTime {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private BusinessTime() {
    }

    static Instant of(LocalDate day) {
        return day.atStartOfDay(FRANCE).toInstant();
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(FRANCE));
    }
}
