package fr.capemploi.reporting.domain;

import java.util.regex.Pattern;

/**
 * One complete set of projection tables, in its own schema. Exactly one generation answers queries; a rebuild
 * builds the next one beside it.
 */
public record Generation(int number, String schema, State state) {

    private static final Pattern SCHEMA = Pattern.compile("^reporting_g[0-9]+$");

    public enum State { BUILDING, ACTIVE, RETIRED, ABANDONED }

    public Generation {
        // the schema name is spliced into SQL: it must be one we generated, never anything else
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a projection schema: " + schema);
        }
    }

    public static Generation numbered(int number, State state) {
        return new Generation(number, "reporting_g" + number, state);
    }

    /** Replaces {@code {schema}} in a SQL template with this generation's schema. */
    public String sql(String template) {
        return template.replace("{schema}", schema);
    }

    public String consumerSuffix() {
        return ".g" + number;
    }
}
