package fr.capemploi.reporting.rest;

import fr.capemploi.reporting.domain.ActivityReport;
import fr.capemploi.reporting.domain.CnefopSurvey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));

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
                boolean numeric = row.value() != null && !row.display().startsWith("Oui")
                        && !row.display().endsWith("par conseiller");
                if (numeric) {
                    line.createCell(1).setCellValue(row.value().doubleValue());
                    line.getCell(1).setCellStyle(decimal);
                } else {
                    line.createCell(1).setCellValue(row.display());
                }
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
}
