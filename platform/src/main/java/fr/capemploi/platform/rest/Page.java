package fr.capemploi.platform.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total so a front end can draw its pager. */
public record Page<T>(
        @Schema(required = true, maxItems = 200, description = "At most `size` items") List<T> items,
        @Schema(required = true, minimum = "0", maximum = "9223372036854775807", examples = "134") long total,
        @Schema(required = true, minimum = "0", maximum = "2147483647", examples = "0") int page,
        @Schema(required = true, minimum = "1", maximum = "200", examples = "20") int size) {

    /** The same page with each item turned into what the API answers (an entity into its response record). */
    public <R> Page<R> map(Function<? super T, ? extends R> answer) {
        return new Page<>(items.stream().<R>map(answer).toList(), total, page, size);
    }
}
