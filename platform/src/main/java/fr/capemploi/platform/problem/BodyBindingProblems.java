package fr.capemploi.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Jackson stops at the first value it cannot bind, so a request with a bad date and an unknown enum value was told
 * about the date only. While a request body is being read ({@link EveryInvalidField}), each such value is noted with
 * its field and read as absent instead, so that reading goes on to the end and every bad field is reported at once.
 * Outside a request body (events, stored answers) nothing is noted and Jackson fails as it always did.
 */
@Singleton
public class BodyBindingProblems implements ObjectMapperCustomizer {

    private static final ThreadLocal<List<Problem.Violation>> NOTED = new ThreadLocal<>();

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new Noting());
    }

    /** Starts noting on this thread; the list returned receives what {@link #noting} finds until {@link #stop}. */
    static List<Problem.Violation> start() {
        List<Problem.Violation> noted = new ArrayList<>();
        NOTED.set(noted);
        return noted;
    }

    static void stop() {
        NOTED.remove();
    }

    private static final class Noting extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            List<Problem.Violation> noted = NOTED.get();
            if (noted == null) {
                return false;
            }
            JsonParser reading = context.getParser();
            // a record's unknown fields are replayed from a buffer once the whole object is read: the body's own
            // parser then stands at the end of that object, which says where the object is
            String field = reading != null && reading != parser && reading.currentToken() == JsonToken.END_OBJECT
                    ? join(pathOf(reading), propertyName) : pathOf(parser);
            noted.add(new Problem.Violation(field, "is not a known field"));
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                String failureMessage) {
            return note(context.getParser(), targetType, targetType.isEnum() ? null
                    : "must be " + ProblemMappers.describe(targetType) + ", got \"" + value + "\"");
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                String failureMessage) {
            return note(context.getParser(), targetType, targetType.isEnum() ? null
                    : "must be " + ProblemMappers.describe(targetType) + ", got " + value);
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                JsonParser parser, String failureMessage) throws IOException {
            Object answer = note(parser, targetType.getRawClass(), null);
            if (answer != NOT_HANDLED) {
                parser.skipChildren();
            }
            return answer;
        }

        /** Notes the value and reads it as absent; a value at the root is not a field, Jackson reports it itself. */
        private static Object note(JsonParser parser, Class<?> targetType, String message) {
            List<Problem.Violation> noted = NOTED.get();
            String field = parser == null ? "" : pathOf(parser);
            if (noted == null || field.isEmpty()) {
                return NOT_HANDLED;
            }
            noted.add(new Problem.Violation(field, message != null ? message : expected(targetType)));
            return null;
        }

        private static String expected(Class<?> targetType) {
            if (targetType != null && targetType.isEnum()) {
                return "must be one of " + Arrays.stream(targetType.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            return "must be " + ProblemMappers.describe(targetType);
        }
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The field a parser is on, written as the problem's violations write it: {@code parts[0].label}. */
    static String pathOf(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken current = parser.currentToken();
        if (context != null && (current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY)) {
            // the parser has already entered the value; its field belongs to the enclosing context
            context = context.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                parts.push("." + context.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
