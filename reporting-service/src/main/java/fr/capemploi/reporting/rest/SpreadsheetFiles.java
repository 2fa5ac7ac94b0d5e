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
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("CNEFOP " + survey.period());
            Styles styles = Styles.of(workbook);
            CellStyle bold = styles.bold();
            CellStyle wrap = styles.wrap();
            CellStyle decimal = styles.decimal();

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(survey.title());
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            String[] headers = {"Question", survey.columnTitle(), "Commentaires", "Retours de Cap emploi",
                    "Cap emploi enregistrés"};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
                header.getCell(c).setCellStyle(bold);
            }
            int r = 3;
            for (CnefopSurvey.Row row : survey.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.label());
                line.getCell(0).setCellStyle(wrap);
                figure(line, 1, row.value(), row.display(), decimal);
                line.createCell(2).setCellValue(row.comment());
                line.getCell(2).setCellStyle(wrap);
                line.createCell(3).setCellValue(row.contributing());
                line.createCell(4).setCellValue(row.registered());
            }
            sheet.setColumnWidth(0, 70 * 256);
            sheet.setColumnWidth(1, 22 * 256);
            sheet.setColumnWidth(2, 90 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same columns as {@link #csv(CnefopSurvey.Comparison)}, figures as numeric cells. */
    static byte[] xlsx(CnefopSurvey.Comparison comparison) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("CNEFOP " + comparison.columns().get(0).period() + " et "
                    + comparison.columns().get(1).period());
            Styles styles = Styles.of(workbook);
            CellStyle bold = styles.bold();
            CellStyle wrap = styles.wrap();
            CellStyle decimal = styles.decimal();

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(comparison.title());
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            List<String> headers = comparisonHeaders(comparison);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int columns = comparison.columns().size();
            int r = 3;
            for (CnefopSurvey.ComparedRow row : comparison.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.label());
                line.getCell(0).setCellStyle(wrap);
                for (int i = 0; i < columns; i++) {
                    CnefopSurvey.Cell cell = row.cells().get(i);
                    figure(line, 1 + i, cell.value(), cell.display(), decimal);
                    line.createCell(1 + columns + i).setCellValue(cell.comment());
                    line.getCell(1 + columns + i).setCellStyle(wrap);
                    line.createCell(1 + 2 * columns + 2 * i).setCellValue(cell.contributing());
                    line.createCell(2 + 2 * columns + 2 * i).setCellValue(cell.registered());
                }
            }
            sheet.setColumnWidth(0, 70 * 256);
            for (int i = 0; i < columns; i++) {
                sheet.setColumnWidth(1 + i, 22 * 256);
                sheet.setColumnWidth(1 + columns + i, 70 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
