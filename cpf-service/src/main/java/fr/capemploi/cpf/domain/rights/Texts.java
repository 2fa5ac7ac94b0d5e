package fr.capemploi.cpf.domain.rights;

import fr.capemploi.cpf.domain.rights.RuleBook.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** French renderings of amounts and dates for the explanations counsellors read. */
public final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private Texts() {
    }

    public static String date(LocalDate date) {
        String text = DATE.format(date);
        return text.startsWith("1 ") ? "1er " + text.substring(2) : text;
    }

    public static String euros(BigDecimal amount) {
        return format(amount, amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0") + " €";
    }

    public static String hours(BigDecimal amount) {
        return number(amount) + " h";
    }

    public static String amount(BigDecimal amount, Unit unit) {
        return unit == Unit.HOURS ? hours(amount) : euros(amount);
    }

    /** An amount before rounding, with up to four decimals. */
    public static String precise(BigDecimal amount, Unit unit) {
        return format(amount, "#,##0.####") + (unit == Unit.HOURS ? " h" : " €");
    }

    public static String number(BigDecimal amount) {
        return format(amount, "#,##0.##");
    }

    public static String percent(BigDecimal share) {
        return format(share.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP), "#,##0.##") + " %";
    }

    private static String format(BigDecimal amount, String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
