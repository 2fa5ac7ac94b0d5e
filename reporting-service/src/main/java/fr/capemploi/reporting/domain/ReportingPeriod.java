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

    private static ReportingPeriod months(String label, int year, int firstMonth, int count) {
        YearMonth first = YearMonth.of(year, firstMonth);
        return new ReportingPeriod(label, first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth());
    }
}
