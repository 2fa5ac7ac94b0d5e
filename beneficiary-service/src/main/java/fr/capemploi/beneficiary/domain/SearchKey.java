package fr.capemploi.beneficiary.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as a search compares them: lower case, without accents, ligatures spelt out, punctuation as spaces, so that
 * {@code Hélène}, {@code HELENE} and {@code helene} meet, and {@code Saint-Étienne} matches {@code saint etienne}.
 */
public final class SearchKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private SearchKey() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String spelt = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss");
        String stripped = MARKS.matcher(Normalizer.normalize(spelt, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The words of a query, each of which must appear in a matching name. */
    public static List<String> words(String query) {
        String key = of(query);
        return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }
}
