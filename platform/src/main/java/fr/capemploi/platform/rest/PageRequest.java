package fr.capemploi.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The page a list operation is asked for, as every list of the suite takes it: {@code page} from 0, {@code size} 20
 * by default and 200 at most (the bound {@link Page} documents). A resource takes it as
 * {@code @Valid @BeanParam PageRequest paging}; a size out of bounds is a 400 naming {@code size}.
 */
public record PageRequest(
        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
}
