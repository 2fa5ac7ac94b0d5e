package fr.capemploi.reporting.rest;

import fr.capemploi.reporting.domain.ActivityReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityReport", description = "The quarterly activity report, in sections of French-labelled lines")
public record ActivityReportResponse(
        @Schema(required = true, maxLength = 7, pattern = "^\\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$",
                examples = "2016-Q4") String period,
        @Schema(required = true, description = "The instant the figures were read as of (an asOf date is the end of "
                + "that day in Europe/Paris)", examples = "2017-03-31T21:59:59.999999Z") Instant asOf,
        @Schema(required = true, maxItems = 8) List<SectionEntry> sections) {

    static ActivityReportResponse of(ActivityReport report) {
        return new ActivityReportResponse(report.period(), report.asOf(), report.sections().stream()
                .map(section -> new SectionEntry(section.key(), section.title(), section.lines().stream()
                        .map(line -> new LineEntry(line.key(), line.label(), line.value())).toList()))
                .toList());
    }

    @Schema(name = "ActivityReportSection")
    public record SectionEntry(
            @Schema(required = true, enumeration = {"entries", "portfolio", "exits", "cep", "pmsmp", "alternance",
                    "trainings", "funding"}, examples = "pmsmp") String key,
            @Schema(required = true, maxLength = 120, description = "French title, as the printed report shows it",
                    examples = "Périodes de mise en situation en milieu professionnel") String title,
            @Schema(required = true, maxItems = 100) List<LineEntry> lines) {
    }

    @Schema(name = "ActivityReportLine")
    public record LineEntry(
            @Schema(required = true, maxLength = 100, pattern = "^[a-z0-9-]+(\\.[A-Za-z0-9_-]+)?$",
                    description = "Stable key: the indicator's id, then `.` and the breakdown key for a breakdown line",
                    examples = "pmsmp-prescribed.JOB_DISCOVERY") String key,
            @Schema(required = true, maxLength = 200, description = "French label", examples = "PMSMP prescrites")
            String label,
            @Schema(description = "Count, average or number of days; null when the period has no data",
                    examples = "2951") BigDecimal value) {
    }
}
