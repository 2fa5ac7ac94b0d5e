package fr.capemploi.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.UUIDDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.UUID;

/**
 * Reads the UUIDs our producers write ({@code 8-4-4-4-12} hexadecimal digits) from the parser's own characters,
 * without a {@code String} each: an envelope carries three and a payload up to six, and making each one a string
 * before Jackson's reader parsed it was a third of their cost in a rebuild's profile (bench/README.md). Anything else —
 * another length, a character out of place, the base64 form Jackson also takes — goes to Jackson's own
 * {@link UUIDDeserializer}, so every value reads, or fails, as it always did.
 */
final class CanonicalIds {

    private static final int[] HEX = new int[128];

    static {
        java.util.Arrays.fill(HEX, -1);
        for (int i = 0; i < 10; i++) {
            HEX['0' + i] = i;
        }
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = 10 + i;
            HEX['A' + i] = 10 + i;
        }
    }

    private CanonicalIds() {
    }

    static SimpleModule module() {
        return new SimpleModule("canonical-ids").addDeserializer(UUID.class, new Reader());
    }

    /** The UUID written in {@code text[from, from + 36)}, or null if it is not in the canonical form. */
    static UUID uuid(char[] text, int from) {
        if (text[from + 8] != '-' || text[from + 13] != '-' || text[from + 18] != '-' || text[from + 23] != '-') {
            return null;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = from; i < from + 36; i++) {
            char c = text[i];
            if (c == '-' && (i - from == 8 || i - from == 13 || i - from == 18 || i - from == 23)) {
                continue;
            }
            int value = c < 128 ? HEX[c] : -1;
            if (value < 0) {
                return null;
            }
            if (digits++ < 16) {
                high = high << 4 | value;
            } else {
                low = low << 4 | value;
            }
        }
        return new UUID(high, low);
    }

    private static final class Reader extends StdScalarDeserializer<UUID> {

        private static final UUIDDeserializer GENERAL = new UUIDDeserializer();

        Reader() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && parser.getTextLength() == 36) {
                UUID id = uuid(parser.getTextCharacters(), parser.getTextOffset());
                if (id != null) {
                    return id;
                }
            }
            return GENERAL.deserialize(parser, context);
        }
    }
}
