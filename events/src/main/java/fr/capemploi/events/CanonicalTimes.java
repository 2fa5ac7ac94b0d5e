package fr.capemploi.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants and days our producers write ({@code 2016-05-02T10:15:30.123456Z}, {@code 2016-05-02}) without
 * {@code DateTimeFormatter}, whose general parsing was a tenth of a rebuild's CPU in the reporting service (two
 * instants per envelope, days in most payloads). Anything else — another form, an invalid date, a format set on
 * the property — goes to the Java time module's own deserialisers, so every value reads as it always did. Public for the
 * services' request bodies (platform {@code rest/BodyTimes}): the same forms, the same fall-back. Writes them back the
 * same way ({@link #text(Instant)}, {@link #text(LocalDate)}: the text {@code toString} gives) for reporting's
 * statements bound as arrays of text.
 */
public final class CanonicalTimes {

    private CanonicalTimes() {
    }

    /** To register after the Java time module, whose deserialisers it keeps for every other form. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("canonical-times");
        module.addDeserializer(Instant.class, new Canonical<>(Instant.class, InstantDeserializer.INSTANT,
                CanonicalTimes::instant));
        module.addDeserializer(LocalDate.class, new Canonical<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                CanonicalTimes::day));
        return module;
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, at most nine fraction digits; null for anything else. */
    static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        LocalDate day = day(text.substring(0, 10));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length == 21) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code yyyy-MM-dd}, a valid day; null for anything else. */
    static LocalDate day(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int dayOfMonth = digits(text, 8, 10);
        if (year < 0 || month < 0 || dayOfMonth < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, dayOfMonth);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /**
     * An instant as {@link Instant#toString} writes it ({@code 2016-05-02T10:15:30.123456Z}: the fraction in groups of
     * three digits, none when whole), without {@code DateTimeFormatter}, for years 1000 to 9999; any other by
     * {@code toString}. Reporting binds thousands of instants per batch as text (arrays of rows).
     */
    public static String text(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = day >= MIN_DAY && day <= MAX_DAY ? LocalDate.ofEpochDay(day) : null;
        if (date == null) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
        date(text, date);
        text[10] = 'T';
        two(text, 11, secondOfDay / 3_600);
        text[13] = ':';
        two(text, 14, secondOfDay / 60 % 60);
        text[16] = ':';
        two(text, 17, secondOfDay % 60);
        int at = 19;
        if (fraction > 0) {
            text[at++] = '.';
            int digits = fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1_000 : nanos;
            for (int i = at + fraction - 1; i >= at; i--) {
                text[i] = (char) ('0' + digits % 10);
                digits /= 10;
            }
            at += fraction;
        }
        text[at] = 'Z';
        return new String(text);
    }

    /** A day as {@link LocalDate#toString} writes it ({@code 2016-05-02}), for years 1000 to 9999; any other by it. */
    public static String text(LocalDate day) {
        if (day.getYear() < 1000 || day.getYear() > 9999) {
            return day.toString();
        }
        char[] text = new char[10];
        date(text, day);
        return new String(text);
    }

    private static final long MIN_DAY = LocalDate.of(1000, 1, 1).toEpochDay();
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private static void date(char[] text, LocalDate day) {
        int year = day.getYear();
        two(text, 0, year / 100);
        two(text, 2, year % 100);
        text[4] = '-';
        two(text, 5, day.getMonthValue());
        text[7] = '-';
        two(text, 8, day.getDayOfMonth());
    }

    private static void two(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }

    /** The decimal number written in {@code [from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class Canonical<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {

        private final JsonDeserializer<T> general;
        private final java.util.function.Function<String, T> fast;

        Canonical(Class<T> type, JsonDeserializer<T> general, java.util.function.Function<String, T> fast) {
            super(type);
            this.general = general;
            this.fast = fast;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                T value = fast.apply(parser.getText());
                if (value != null) {
                    return value;
                }
            }
            return general.deserialize(parser, context);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = general instanceof ContextualDeserializer c
                    ? c.createContextual(context, property) : general;
            JsonFormat.Value format = findFormatOverrides(context, property, handledType());
            // a property with its own format reads by it; otherwise the general reader stays the fallback
            return format != null && (format.hasPattern() || format.hasShape() || format.hasLenient()
                    || format.hasTimeZone() || format.hasLocale()) ? contextual : this;
        }
    }
}
