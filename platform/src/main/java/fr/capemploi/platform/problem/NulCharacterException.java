package fr.capemploi.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A text value holding the NUL character (U+0000). PostgreSQL cannot store it in a text column, so it would fail late
 * as a 500; it is refused while reading the body instead, with the field named (Jackson fills in the path).
 */
public class NulCharacterException extends JsonMappingException {

    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    public NulCharacterException(JsonParser parser) {
        super(parser, MESSAGE);
    }
}
