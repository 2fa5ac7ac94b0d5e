package fr.capemploi.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessDayTest {

    @Test
    void aDayStartsAtMidnightInParisInWinterAndInSummer() {
        assertThat(BusinessDay.startOf(LocalDate.of(2016, 1, 15))).isEqualTo(Instant.parse("2016-01-14T23:00:00Z"));
        assertThat(BusinessDay.startOf(LocalDate.of(2016, 7, 15))).isEqualTo(Instant.parse("2016-07-14T22:00:00Z"));
    }

    @Test
    void anEveningInstantIsThatDayInParisWhereUtcWouldSayTheNextOneOrThePrevious() {
        // 23:30 UTC on 14 March is already 15 March in Paris
        assertThat(BusinessDay.of(Instant.parse("2016-03-14T23:30:00Z"))).isEqualTo(LocalDate.of(2016, 3, 15));
        // the start of a day as written by the services reads back as that day, not the day before as in UTC
        LocalDate day = LocalDate.of(2016, 3, 14);
        assertThat(BusinessDay.of(BusinessDay.startOf(day))).isEqualTo(day);
        assertThat(LocalDate.ofInstant(BusinessDay.startOf(day), ZoneOffset.UTC)).isEqualTo(day.minusDays(1));
    }

    @Test
    void todayFollowsTheClockInParis() {
        Clock lateEvening = Clock.fixed(Instant.parse("2016-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertThat(BusinessDay.today(lateEvening)).isEqualTo(LocalDate.of(2017, 1, 1));
    }
}
