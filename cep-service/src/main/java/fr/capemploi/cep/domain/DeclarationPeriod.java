package fr.capemploi.cep.domain;

import fr.capemploi.platform.domain.RuleViolation;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of an operator declaration: a year ({@code 2016}) or a half-year ({@code 2016-H1}, as the survey's
 * "2016 (6 mois)"). The CEP exists since 1 January 2015.
 */
public record DeclarationPeriod(String code, LocalDate start, LocalDate end) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-H([12]))?");
    public static final int FIRST_YEAR = 2015;

    public static DeclarationPeriod parse(String code, LocalDate today) {
        Matcher matcher = code == null ? null : FORMAT.matcher(code);
        if (matcher == null || !matcher.matches()) {
            throw new RuleViolation("period", "must be a year (2016) or a half-year (2016-H1, 2016-H2)");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < FIRST_YEAR) {
            throw new RuleViolation("period", "the CEP exists since " + FIRST_YEAR);
        }
        LocalDate start;
        LocalDate end;
        if (matcher.group(2) == null) {
            start = LocalDate.of(year, 1, 1);
            end = LocalDate.of(year, 12, 31);
        } else if ("1".equals(matcher.group(2))) {
            start = LocalDate.of(year, 1, 1);
            end = LocalDate.of(year, 6, 30);
        } else {
            start = LocalDate.of(year, 7, 1);
            end = LocalDate.of(year, 12, 31);
        }
        if (start.isAfter(today)) {
            throw new RuleViolation("period", "has not started yet");
        }
        return new DeclarationPeriod(code, start, end);
    }
}
