package fr.capemploi.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads several parameters that are each checked by code (query parameters, rules on a body) and reports every one
 * that is wrong in one answer, instead of stopping at the first {@link InvalidFieldException}.
 */
public final class InvalidFields {

    private final List<Problem.Violation> violations = new ArrayList<>();

    /** The value read, or null when it is invalid (then noted; {@link #throwIfAny} reports it). */
    public <T> T read(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidFieldException e) {
            violations.add(new Problem.Violation(e.attribute(), e.getMessage()));
        } catch (InvalidRequest e) {
            violations.addAll(e.violations());
        }
        return null;
    }

    public void throwIfAny() {
        if (violations.size() == 1) {
            Problem.Violation only = violations.get(0);
            throw new InvalidFieldException(only.field(), only.message());
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations.stream()
                    .sorted(Comparator.comparing(Problem.Violation::field)).toList());
        }
    }
}
