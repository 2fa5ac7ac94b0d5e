package fr.capemploi.cep.rest;

import fr.capemploi.platform.time.BusinessDay;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;

/** The documents come as PDF (the default: they are meant to be printed or sent) or as JSON on request. */
final class DocumentFormats {

    static final String PDF = "application/pdf";
    private static final MediaType PDF_TYPE = MediaType.valueOf(PDF);

    private DocumentFormats() {
    }

    /** The client's first acceptable type decides; a wildcard means PDF. */
    static boolean wantsPdf(HttpHeaders headers) {
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

    static Response pdf(byte[] content, String fileName) {
        return Response.ok(content, PDF_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    static Response json(Object document) {
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static LocalDate today(Clock clock) {
        return BusinessDay.today(clock);
    }
}
