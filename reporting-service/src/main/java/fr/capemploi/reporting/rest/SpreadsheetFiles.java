package fr.capemploi.reporting.rest;

import fr.capemploi.reporting.domain.ActivityReport;
import fr.capemploi.reporting.domain.CnefopSurvey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * CSV and XLSX renderings for French spreadsheets. CSV: UTF-8 with a byte-order mark (without it Excel reads the
 * accents as Windows-1252), {@code ;} separator and decimal comma, as a French Excel opens by double-click; CRLF line
 * ends and RFC 4180 quoting. XLSX: numbers are real numeric cells (formatted with two decimals), texts as texts.
 */
final class SpreadsheetFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";
    private static final String BOM = "\uFEFF";

    private SpreadsheetFiles() {
    }

    static byte[] csv(CnefopSurvey survey) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, List.of("Question", survey.columnTitle(), "Commentaires", "Retours de Cap emploi",
                "Cap emploi enregistrés"));
        for (CnefopSurvey.Row row : survey.rows()) {
            line(out, List.of(row.label(), row.display(), row.comment(), Long.toString(row.contributing()),
                    Long.toString(row.registered())));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Both periods side by side: their displays, then each period's comment, then each period's returns and
     * registered structures, every header naming its period's column.
     */
    static byte[] csv(CnefopSurvey.Comparison comparison) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, comparisonHeaders(comparison));
        for (CnefopSurvey.ComparedRow row : comparison.rows()) {
            List<String> fields = new ArrayList<>();
            fields.add(row.label());
            row.cells().forEach(cell -> fields.add(cell.display()));
            row.cells().forEach(cell -> fields.add(cell.comment()));
            row.cells().forEach(cell -> {
                fields.add(Long.toString(cell.contributing()));
                fields.add(Long.toString(cell.registered()));
            });
            line(out, fields);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> comparisonHeaders(CnefopSurvey.Comparison comparison) {
        List<String> headers = new ArrayList<>();
        headers.add("Question");
        comparison.columns().forEach(column -> headers.add(column.columnTitle()));
        comparison.columns().forEach(column -> headers.add("Commentaires " + column.columnTitle()));
        comparison.columns().forEach(column -> {
            headers.add("Retours de Cap emploi " + column.columnTitle());
            headers.add("Cap emploi enregistrés " + column.columnTitle());
        });
        return headers;
    }

    static byte[] csv(ActivityReport report) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, List.of("Rubrique", "Code", "Libellé", "Valeur " + report.period()));
        for (ActivityReport.Section section : report.sections()) {
            for (ActivityReport.Line item : section.lines()) {
                line(out, List.of(section.title(), item.key(), item.label(), number(item.value())));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(CnefopSurvey survey) {
        return workbook("CNEFOP " + survey.period(), survey.title(), List.of("Question", survey.columnTitle(),
                "Commentaires", "Retours de Cap emploi", "Cap emploi enregistrés"), (sheet, styles) -> {
                    int r = 3;
                    for (CnefopSurvey.Row row : survey.rows()) {
                        Row line = sheet.createRow(r++);
                        text(line, 0, row.label(), styles.wrap());
                        figure(line, 1, row.value(), row.display(), styles.decimal());
                        text(line, 2, row.comment(), styles.wrap());
                        line.createCell(3).setCellValue(row.contributing());
                        line.createCell(4).setCellValue(row.registered());
                    }
                    sheet.setColumnWidth(0, 70 * 256);
                    sheet.setColumnWidth(1, 22 * 256);
                    sheet.setColumnWidth(2, 90 * 256);
                });
    }

    /** The same columns as {@link #csv(CnefopSurvey.Comparison)}, figures as numeric cells. */
    static byte[] xlsx(CnefopSurvey.Comparison comparison) {
        String sheetName = "CNEFOP " + comparison.columns().get(0).period() + " et "
                + comparison.columns().get(1).period();
        return workbook(sheetName, comparison.title(), comparisonHeaders(comparison), (sheet, styles) -> {
            int columns = comparison.columns().size();
            int r = 3;
            for (CnefopSurvey.ComparedRow row : comparison.rows()) {
                Row line = sheet.createRow(r++);
                text(line, 0, row.label(), styles.wrap());
                for (int i = 0; i < columns; i++) {
                    CnefopSurvey.Cell cell = row.cells().get(i);
                    figure(line, 1 + i, cell.value(), cell.display(), styles.decimal());
                    text(line, 1 + columns + i, cell.comment(), styles.wrap());
                    line.createCell(1 + 2 * columns + 2 * i).setCellValue(cell.contributing());
                    line.createCell(2 + 2 * columns + 2 * i).setCellValue(cell.registered());
                }
            }
            sheet.setColumnWidth(0, 70 * 256);
            for (int i = 0; i < columns; i++) {
                sheet.setColumnWidth(1 + i, 22 * 256);
                sheet.setColumnWidth(1 + columns + i, 70 * 256);
            }
        });
    }

    /** What fills a survey sheet below its title (row 0) and its bold header (row 2). */
    private interface SheetBody {
        void write(Sheet sheet, Styles styles);
    }

    /** One sheet: the title, the bold headers, then {@code body}; the workbook's bytes. */
    private static byte[] workbook(String sheetName, String title, List<String> headers, SheetBody body) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Styles styles = Styles.of(workbook);
            text(sheet.createRow(0), 0, title, styles.bold());
            Row header = sheet.createRow(2);
            for (int c = 0; c < headers.size(); c++) {
                text(header, c, headers.get(c), styles.bold());
            }
            body.write(sheet, styles);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row line, int column, String value, CellStyle style) {
        line.createCell(column).setCellValue(value);
        line.getCell(column).setCellStyle(style);
    }

    /**
     * FTE and portfolio figures as numeric cells; yes/no shares and training days keep their sentence ("Oui pour
     * 50 % ...", "2,50 jours par conseiller"), and unanswered rows their "Non renseigné".
     */
    private static void figure(Row line, int column, BigDecimal value, String display, CellStyle decimal) {
        boolean numeric = value != null && !display.startsWith("Oui") && !display.endsWith("par conseiller");
        if (numeric) {
            line.createCell(column).setCellValue(value.doubleValue());
            line.getCell(column).setCellStyle(decimal);
        } else {
            line.createCell(column).setCellValue(display);
        }
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString().replace('.', ',');
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** The survey sheets' cell styles: headings in bold, long texts wrapped, FTE and averages with two decimals. */
    private record Styles(CellStyle bold, CellStyle wrap, CellStyle decimal) {
        static Styles of(XSSFWorkbook workbook) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            return new Styles(bold, wrap, decimal);
        }
    }
}
