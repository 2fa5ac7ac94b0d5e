package fr.capemploi.platform.repository;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of a list query with optional filters, each written once with its named parameter: a filter the
 * caller left empty ({@code null}) filters nothing, rather than every list writing its own "if given, add the clause
 * and bind the value".
 */
public final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** A condition without a parameter, always applied. */
    public Conditions and(String clause) {
        clauses.add(clause);
        return this;
    }

    /** A condition always applied, {@code :name} bound to {@code value}. */
    public Conditions and(String clause, String name, Object value) {
        clauses.add(clause);
        parameters.and(name, value);
        return this;
    }

    /** A condition applied only when the caller gave its value. */
    public Conditions andIfGiven(String clause, String name, Object value) {
        return value == null ? this : and(clause, name, value);
    }

    /** The conditions joined with {@code and}; a query with none reads every row. */
    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Parameters parameters() {
        return parameters;
    }
}
