package fr.capemploi.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One indicator for one scope and period: its value, the numerator and denominator it comes from, how many
 * structures contributed out of how many were registered, and its breakdown (by level, reason, funder...).
 */
public record IndicatorValue(Indicator indicator, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
        Coverage coverage, List<Part> breakdown) {

    /** Structures contributing (with at least one relevant fact, or that declared) out of those registered. */
    public record Coverage(long contributing, long registered) {
    }

    /** One line of a breakdown, valued the same way as its indicator. */
    public record Part(String key, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    /** The value the indicator's unit derives from a numerator and a denominator; null when undefined. */
    public static BigDecimal valueOf(Indicator.Unit unit, BigDecimal numerator, BigDecimal denominator) {
        return switch (unit) {
            case COUNT, SUM, STATISTIC -> numerator;
            case PERCENT -> numerator == null || denominator == null || denominator.signum() == 0 ? null
                    : numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP);
            case RATIO -> numerator == null || denominator == null || denominator.signum() == 0 ? null
                    : numerator.divide(denominator, 2, RoundingMode.HALF_UP);
        };
    }
}
