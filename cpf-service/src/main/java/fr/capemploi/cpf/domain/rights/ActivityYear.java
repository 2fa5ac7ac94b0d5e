package fr.capemploi.cpf.domain.rights;

import fr.capemploi.cpf.domain.rights.RuleBook.Category;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person did in one calendar year, as far as CPF rights are concerned: hours worked (or a share of a
 * full-time year) and the statuses that raise the accrual.
 *
 * @param hoursWorked hours paid in the year; hours beyond the reference full-time year do not count
 * @param fteShare    share of a full-time year (0 to 1), for people who know their contract rather than their hours
 * @param esat        admitted in an ESAT (établissement ou service d'aide par le travail) during the year
 */
public record ActivityYear(int year, BigDecimal hoursWorked, BigDecimal fteShare, boolean lowQualified, boolean boe,
        boolean esat) {

    private static final int SHARE_SCALE = 20;

    public Set<Category> categories() {
        Set<Category> categories = EnumSet.of(Category.GENERAL);
        if (lowQualified) {
            categories.add(Category.LOW_QUALIFIED);
        }
        if (boe) {
            categories.add(Category.BOE);
        }
        if (esat) {
            categories.add(Category.ESAT);
        }
        return categories;
    }

    /** Share of a full-time year, between 0 and 1. */
    public BigDecimal workShare(BigDecimal referenceHours) {
        BigDecimal share;
        if (fteShare != null) {
            share = fteShare;
        } else if (hoursWorked != null) {
            share = hoursWorked.divide(referenceHours, SHARE_SCALE, RoundingMode.HALF_UP);
        } else {
            share = BigDecimal.ZERO;
        }
        return share.min(BigDecimal.ONE).max(BigDecimal.ZERO);
    }
}
