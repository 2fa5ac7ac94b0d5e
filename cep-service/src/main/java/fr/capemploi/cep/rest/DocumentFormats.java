package fr.capemploi.cep.rest;

import fr.capemploi.platform.time.BusinessDay;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiFunction;

/** The documents come as PDF (the default: they are meant to be printed or sent) or as JSON on request. */
final class DocumentFormats {

    static final String PDF = "application/pdf";
    private static final MediaType PDF_TYPE = MediaType.valueOf(PDF);

    private DocumentFormats() {
    }

    /**
     * The document as the client asked for it: as data, or as the PDF rendered with the business day of the request
     * (the date printed on it).
     */
    static <D> Response answer(HttpHeaders headers, D document, BiFunction<D, LocalDate, byte[]> pdf, Clock clock,
            String fileName) {
        if (!wantsPdf(headers)) {
            return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(pdf.apply(document, BusinessDay.today(clock)), PDF_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** The client's first acceptable type decides; a wildcard means PDF. */
    private static boolean wantsPdf(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardSubtype() || type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(PDF_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return true;
    }
}
