package fr.capemploi.reporting.service;

import fr.capemploi.reporting.domain.ActivityReport;
import fr.capemploi.reporting.domain.CnefopSurvey;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;

/** The reports built on the indicator catalogue. */
@ApplicationScoped
public class Reports {

    private final IndicatorQueries queries;

    public Reports(IndicatorQueries queries) {
        this.queries = queries;
    }

    public CnefopSurvey cnefop(Scope scope, ReportingPeriod period, Instant asOf, LocalDate producedOn) {
        return CnefopSurvey.of(period, asOf, producedOn, queries.of(CnefopSurvey.INDICATORS, scope, period, asOf));
    }

    /**
     * The survey of {@code period} beside that of {@code compareWith}, both as recorded by {@code asOf}, in one read
     * transaction: both columns from the same committed state.
     */
    @Transactional
    public CnefopSurvey.Comparison cnefopComparison(Scope scope, ReportingPeriod period, ReportingPeriod compareWith,
            Instant asOf, LocalDate producedOn) {
        return CnefopSurvey.Comparison.of(cnefop(scope, period, asOf, producedOn),
                cnefop(scope, compareWith, asOf, producedOn));
    }

    public ActivityReport activity(Scope scope, ReportingPeriod period, Instant asOf) {
        return ActivityReport.of(period, asOf, queries.of(ActivityReport.INDICATORS, scope, period, asOf));
    }
}
