package fr.capemploi.reporting.rest;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schemas of the CNEFOP survey answers, with their bounds: the domain's {@code CnefopSurvey} records go
 * on the wire as they are, and the domain carries no web annotation (ArchUnit), so their shape is stated here. Field
 * for field the same records: {@code OpenApiContractTest} validates the published examples against these schemas.
 */
final class CnefopSchemas {

    private CnefopSchemas() {
    }

    @Schema(name = "CnefopSurvey")
    record Survey(@Schema(maxLength = 7, examples = "2016") String period, @Schema(maxLength = 300) String columnTitle,
            @Schema(maxLength = 300) String title, @Schema(maxItems = 200) List<Row> rows) {
    }

    @Schema(name = "Row")
    record Row(@Schema(maxLength = 64) String indicatorId, @Schema(maxLength = 300) String label, BigDecimal value,
            @Schema(maxLength = 32) String display, @Schema(maxLength = 4000) String comment,
            @Schema(minimum = "0", maximum = "100000") long contributing,
            @Schema(minimum = "0", maximum = "100000") long registered) {
    }

    @Schema(name = "Comparison")
    record Comparison(@Schema(maxLength = 300) String title, @Schema(maxItems = 20) List<Column> columns,
            @Schema(maxItems = 200) List<ComparedRow> rows) {
    }

    @Schema(name = "Column")
    record Column(@Schema(maxLength = 7) String period, @Schema(maxLength = 300) String columnTitle) {
    }

    @Schema(name = "ComparedRow")
    record ComparedRow(@Schema(maxLength = 64) String indicatorId, @Schema(maxLength = 300) String label,
            @Schema(maxItems = 20) List<Cell> cells) {
    }

    @Schema(name = "Cell")
    record Cell(@Schema(maxLength = 7) String period, BigDecimal value, @Schema(maxLength = 32) String display,
            @Schema(maxLength = 4000) String comment, @Schema(minimum = "0", maximum = "100000") long contributing,
            @Schema(minimum = "0", maximum = "100000") long registered) {
    }
}
