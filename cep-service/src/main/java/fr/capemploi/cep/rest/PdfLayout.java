package fr.capemploi.cep.rest;

import fr.capemploi.platform.time.BusinessDay;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays out a plain A4 document: headings, label/value fields, wrapped paragraphs, page breaks and numbered footers.
 * The text font is Liberation Sans, shipped inside PDFBox and embedded (subset) in every document, so every French
 * character prints and every reader shows the same glyphs without any font installed on the server.
 */
final class PdfLayout {

    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] FONT = readFont();
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float FOOTER = 40;
    private static final float LABEL_WIDTH = 170;
    private static final float BODY = 10;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final String footer;
    private PDPageContentStream content;
    private float y;

    PdfLayout(String title, String subject, String author, String footer) {
        try {
            font = PDType0Font.load(document, new ByteArrayInputStream(FONT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.footer = footer;
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setAuthor(author);
        info.setCreator("cep-service");
        info.setCreationDate(new GregorianCalendar(TimeZone.getTimeZone(BusinessDay.ZONE)));
        document.getDocumentCatalog().setLanguage("fr-FR");
        newPage();
    }

    void title(String text) {
        lines(text, 18, true, MARGIN, width(), 24);
        y -= 4;
    }

    void subtitle(String text) {
        lines(text, 12, false, MARGIN, width(), 16);
        y -= 10;
    }

    void section(String text) {
        y -= 8;
        ensureRoom(34);
        lines(text, 13, true, MARGIN, width(), 18);
        try {
            content.setLineWidth(0.6f);
            content.moveTo(MARGIN, y + 4);
            content.lineTo(PAGE.getWidth() - MARGIN, y + 4);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 6;
    }

    /** A label and its value side by side; the value wraps in its own column. */
    void field(String label, String value) {
        List<String> valueLines = wrap(value == null || value.isBlank() ? "—" : value, BODY, width() - LABEL_WIDTH);
        List<String> labelLines = wrap(label, BODY, LABEL_WIDTH - 8);
        int count = Math.max(valueLines.size(), labelLines.size());
        for (int i = 0; i < count; i++) {
            ensureRoom(14);
            if (i < labelLines.size()) {
                show(labelLines.get(i), BODY, true, MARGIN, y);
            }
            if (i < valueLines.size()) {
                show(valueLines.get(i), BODY, false, MARGIN + LABEL_WIDTH, y);
            }
            y -= 14;
        }
    }

    void paragraph(String text) {
        y -= 3;
        for (String part : (text == null || text.isBlank() ? "—" : text).split("\\R")) {
            lines(part, BODY, false, MARGIN, width(), 14);
        }
        y -= 4;
    }

    void bullet(String text, boolean strong) {
        ensureRoom(14);
        show("•", BODY, false, MARGIN + 4, y);
        lines(text, BODY, strong, MARGIN + 16, width() - 16, 14);
    }

    void indented(String text) {
        lines(text, 9, false, MARGIN + 16, width() - 16, 12);
    }

    byte[] toBytes() {
        try {
            content.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream stream = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = stream;
                    show(footer, 8, false, MARGIN, FOOTER - 12);
                    String number = "Page " + (i + 1) + " / " + pages;
                    show(number, 8, false, PAGE.getWidth() - MARGIN - textWidth(number, 8), FOOTER - 12);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                document.close();
            } catch (IOException ignored) {
                // the bytes are written or the error above is already on its way
            }
        }
    }

    private void lines(String text, float size, boolean strong, float x, float width, float leading) {
        for (String line : wrap(text, size, width)) {
            ensureRoom(leading);
            show(line, size, strong, x, y);
            y -= leading;
        }
    }

    private void show(String text, float size, boolean strong, float x, float atY) {
        try {
            content.beginText();
            content.setFont(font, size);
            if (strong) {
                // one embedded face only: bold is drawn by stroking the glyph outlines as well
                content.setRenderingMode(RenderingMode.FILL_STROKE);
                content.setLineWidth(size / 28f);
            } else {
                content.setRenderingMode(RenderingMode.FILL);
            }
            content.newLineAtOffset(x, atY);
            content.showText(printable(text));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, float size, float width) {
        List<String> result = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text).split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (textWidth(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                result.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the column (an id, a long URL) is cut where it overflows
            String rest = word;
            while (textWidth(rest, size) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && textWidth(rest.substring(0, cut), size) > width) {
                    cut--;
                }
                result.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 || result.isEmpty()) {
            result.add(line.toString());
        }
        return result;
    }

    /** Control characters become spaces and characters the font cannot draw a question mark, rather than failing. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (printable.computeIfAbsent(cp, this::drawable)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean drawable(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private float textWidth(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureRoom(float height) {
        if (y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    private static byte[] readFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox no longer ships " + FONT_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
