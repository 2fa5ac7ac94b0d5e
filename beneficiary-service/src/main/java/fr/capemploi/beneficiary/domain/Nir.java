package fr.capemploi.beneficiary.domain;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The French social security number (NIR): sex digit, year and month of birth, département (2A/2B for Corsica),
 * commune, order number, and a control key {@code 97 - (n mod 97)} over the 13 first characters. Its
 * {@link #toString()} never shows the number, so it cannot reach a log by accident.
 */
public final class Nir {

    /** Sex digit 1-4 or 7-8 (temporary numbers), then the year, month, département, commune and order number. */
    private static final Pattern SHAPE = Pattern.compile("^[1-478][0-9]{4}(2[AB]|[0-9]{2})[0-9]{6}[0-9]{2}$");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private final String value;

    private Nir(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException with a message that never repeats the number */
    public static Nir parse(String input) {
        return new Nir(validated(input));
    }

    /** Why the input is not a NIR, or empty when it is one. */
    public static Optional<String> problemWith(String input) {
        try {
            validated(input);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String validated(String input) {
        if (input == null) {
            throw new IllegalArgumentException("is required");
        }
        // people copy it from a card printed with spaces: accept them, store the 15 characters only
        String compact = input.replaceAll("[\\s.]", "").toUpperCase(java.util.Locale.ROOT);
        if (compact.length() != 15) {
            throw new IllegalArgumentException("must have 15 characters: 13 digits (or 2A/2B for Corsica) and a 2-digit key");
        }
        if (!SHAPE.matcher(compact).matches()) {
            throw new IllegalArgumentException(
                    "must be a sex digit, 4 digits of birth year and month, a département (2 digits, 2A or 2B), "
                            + "6 digits and a 2-digit key");
        }
        int key = Integer.parseInt(compact.substring(13));
        if (key != controlKey(compact.substring(0, 13))) {
            throw new IllegalArgumentException("has a control key that does not match the number");
        }
        return compact;
    }

    /**
     * {@code 97 - (n mod 97)} where n is the 13-character number; Corsican départements count as 19 (2A) and 18
     * (2B), i.e. 1,000,000 and 2,000,000 less than the number read with "20".
     */
    public static int controlKey(String thirteen) {
        String digits = thirteen;
        long corsicaOffset = 0;
        if (thirteen.startsWith("2A", 5)) {
            digits = thirteen.substring(0, 5) + "20" + thirteen.substring(7);
            corsicaOffset = 1_000_000;
        } else if (thirteen.startsWith("2B", 5)) {
            digits = thirteen.substring(0, 5) + "20" + thirteen.substring(7);
            corsicaOffset = 2_000_000;
        }
        BigInteger n = new BigInteger(digits).subtract(BigInteger.valueOf(corsicaOffset));
        return 97 - n.mod(NINETY_SEVEN).intValue();
    }

    /** The 15 characters, for encryption and keyed hashing only. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nir nir && nir.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Nir[***]";
    }
}
