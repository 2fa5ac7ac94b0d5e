package fr.capemploi.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2016, 2016-01-01, 2016-12-31",
            "2016-H1, 2016-01-01, 2016-06-30",
            "2016-H2, 2016-07-01, 2016-12-31",
            "2016-Q1, 2016-01-01, 2016-03-31",
            "2016-Q4, 2016-10-01, 2016-12-31",
            "2016-02, 2016-02-01, 2016-02-29",
            "2015-02, 2015-02-01, 2015-02-28"})
    void periodsCoverTheirDays(String label, LocalDate start, LocalDate end) {
        ReportingPeriod period = ReportingPeriod.parse(label);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.label()).isEqualTo(label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "16", "2016-H3", "2016-Q5", "2016-13", "2016-1", "S1 2016"})
    void otherFormsAreRejected(String label) {
        assertThatThrownBy(() -> ReportingPeriod.parse(label)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2016-H1");
    }

    @Test
    void seriesCutsARangeIntoConsecutivePeriods() {
        var quarters = ReportingPeriod.series(ReportingPeriod.parse("2016-02"), ReportingPeriod.parse("2016-12"),
                ReportingPeriod.Granularity.QUARTER, 120);
        assertThat(quarters).extracting(ReportingPeriod::label).containsExactly("2016-Q1", "2016-Q2", "2016-Q3",
                "2016-Q4");
        assertThat(ReportingPeriod.series(ReportingPeriod.parse("2015"), ReportingPeriod.parse("2016-H1"),
                ReportingPeriod.Granularity.HALF_YEAR, 120)).extracting(ReportingPeriod::label)
                .containsExactly("2015-H1", "2015-H2", "2016-H1");
        assertThat(ReportingPeriod.series(ReportingPeriod.parse("2016-11"), ReportingPeriod.parse("2017-02"),
                ReportingPeriod.Granularity.MONTH, 120)).extracting(ReportingPeriod::label)
                .containsExactly("2016-11", "2016-12", "2017-01", "2017-02");
        assertThatThrownBy(() -> ReportingPeriod.series(ReportingPeriod.parse("2016"), ReportingPeriod.parse("2015"),
                ReportingPeriod.Granularity.YEAR, 120)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportingPeriod.series(ReportingPeriod.parse("2000"), ReportingPeriod.parse("2030"),
                ReportingPeriod.Granularity.MONTH, 120)).hasMessageContaining("120");
    }
}
