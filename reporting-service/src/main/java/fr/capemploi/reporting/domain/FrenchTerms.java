package fr.capemploi.reporting.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The French words reports print for the categorical values events carry. They are texts French users read, kept as
 * data in the resource {@value #RESOURCE} (UTF-8), where they are reviewed and corrected without touching code.
 */
public final class FrenchTerms {

    public static final String RESOURCE = "french-terms.properties";

    private static final Map<String, String> TERMS = read();

    private FrenchTerms() {
    }

    public static String of(String key) {
        if (key == null) {
            return "Non renseigné";
        }
        if (key.startsWith("funder-")) {
            return of(key.substring("funder-".length()));
        }
        return TERMS.getOrDefault(key, key);
    }

    private static Map<String, String> read() {
        try (InputStream in = FrenchTerms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("French terms resource " + RESOURCE + " is missing");
            }
            Properties terms = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                terms.load(reader);
            }
            return terms.stringPropertyNames().stream().collect(Collectors.toUnmodifiableMap(k -> k,
                    terms::getProperty));
        } catch (IOException e) {
            throw new UncheckedIOException("French terms resource " + RESOURCE + " cannot be read", e);
        }
    }
}
