package fr.capemploi.reporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as analysts write it: {@code 2016}, {@code 2016-H1} (the survey's "2016 (6 mois)"),
 * {@code 2016-Q3} or {@code 2016-03}. Facts belong to it by their business date.
 */
public record ReportingPeriod(String label, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern HALF = Pattern.compile("^(\\d{4})-H([12])$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(0[1-9]|1[0-2])$");

    /** @throws IllegalArgumentException with a message naming the accepted forms */
    public static ReportingPeriod parse(String text) {
        String value = text == null ? "" : text.trim();
        Matcher m;
        if ((m = YEAR.matcher(value)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return new ReportingPeriod(value, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if ((m = HALF.matcher(value)).matches()) {
            return months(value, Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 6 + 1, 6);
        }
        if ((m = QUARTER.matcher(value)).matches()) {
            return months(value, Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 3);
        }
        if ((m = MONTH.matcher(value)).matches()) {
            return months(value, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
        }
        throw new IllegalArgumentException("must be a year (2016), half-year (2016-H1), quarter (2016-Q3) or month (2016-03)");
    }

    /** How finely a series cuts time. */
    public enum Granularity {
        MONTH(1), QUARTER(3), HALF_YEAR(6), YEAR(12);

        private final int months;

        Granularity(int months) {
            this.months = months;
        }

        /** @throws IllegalArgumentException naming the accepted values */
        public static Granularity parse(String text) {
            return switch (text == null ? "" : text.trim()) {
                case "month" -> MONTH;
                case "quarter" -> QUARTER;
                case "half-year" -> HALF_YEAR;
                case "year" -> YEAR;
                default -> throw new IllegalArgumentException("must be month, quarter, half-year or year");
            };
        }

        /** The period of this granularity holding {@code day}. */
        public ReportingPeriod containing(LocalDate day) {
            int index = (day.getMonthValue() - 1) / months;
            String label = switch (this) {
                case MONTH -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
                case QUARTER -> day.getYear() + "-Q" + (index + 1);
                case HALF_YEAR -> day.getYear() + "-H" + (index + 1);
                case YEAR -> Integer.toString(day.getYear());
            };
            return ReportingPeriod.parse(label);
        }
    }

    /** Consecutive periods of one granularity from the one holding {@code from}'s start to {@code to}'s end. */
    public static java.util.List<ReportingPeriod> series(ReportingPeriod from, ReportingPeriod to,
            Granularity granularity, int maxPoints) {
        if (to.end().isBefore(from.start())) {
            throw new IllegalArgumentException("must not end before from");
        }
        java.util.List<ReportingPeriod> periods = new java.util.ArrayList<>();
        ReportingPeriod current = granularity.containing(from.start());
        while (!current.start().isAfter(to.end())) {
            if (periods.size() == maxPoints) {
                throw new IllegalArgumentException("must not span more than " + maxPoints + " periods");
            }
            periods.add(current);
            current = granularity.containing(current.end().plusDays(1));
        }
        return periods;
    }

    private static ReportingPeriod months(String label, int year, int firstMonth, int count) {
        YearMonth first = YearMonth.of(year, firstMonth);
        return new ReportingPeriod(label, first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth());
    }
}
