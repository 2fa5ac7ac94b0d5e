package fr.capemploi.cep.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A business date as the instant an event occurred: the start of that day in France, where the work is done. */
final class BusinessTime {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private BusinessTime() {
    }

    static Instant of(LocalDate date) {
        return date.atStartOfDay(FRANCE).toInstant();
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(FRANCE));
    }
}
