package fr.capemploi.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details. {@code violations} names each bad field so a front end can show the message next to
 * it and a partner system can log what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(maxLength = 200, format = "uri", examples = "https://cepcpf.capemploi.fr/problems/validation") String type,
        @Schema(maxLength = 200, examples = "Invalid request") String title,
        @Schema(minimum = "400", maximum = "599", examples = "400") int status,
        @Schema(maxLength = 4000, examples = "2 fields are invalid") String detail,
        @Schema(maxLength = 2048, examples = "/api/v1/structures") String instance,
        @Schema(maxItems = 100, description = "Each invalid field, when the request had any") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://cepcpf.capemploi.fr/problems/";

    @Schema(name = "Violation")
    public record Violation(
            @Schema(maxLength = 200, examples = "region") String field,
            @Schema(maxLength = 1000, examples = "must be an INSEE region code of two digits") String message) {
    }

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, List.of());
    }
}
