package fr.capemploi.beneficiary.rest;

import fr.capemploi.platform.problem.InvalidFieldException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters read by hand: JAX-RS answers a query parameter it cannot convert with 404, where a caller needs
 * a 400 naming the parameter.
 */
final class QueryValues {

    private QueryValues() {
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        return read(value, field, v -> Enum.valueOf(type, v), "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    static LocalDate dateOf(String value, String field) {
        return read(value, field, LocalDate::parse, "must be a date (YYYY-MM-DD)");
    }

    static UUID uuidOf(String value, String field) {
        return read(value, field, UUID::fromString, "must be a UUID");
    }

    /** A parameter left out or blank is no filter; one that does not read is a 400 naming it. */
    private static <T> T read(String value, String field, Function<String, T> parser, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidFieldException(field, message);
        }
    }
}
