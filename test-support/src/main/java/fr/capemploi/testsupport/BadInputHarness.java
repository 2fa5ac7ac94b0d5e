package fr.capemploi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on every field of every operation of a service: a 400 {@code application/problem+json} naming the field,
 * and nothing stored or published. A service's {@code BadInputTest} extends it with its cases, the records they aim
 * at and what it observes of them.
 * <ul>
 * <li>each case: 400, a problem carrying status 400, a violation on the case's field (or on one of its elements:
 * {@code barriers} covers {@code barriers[0]}, {@code professionalisation} covers
 * {@code professionalisation.actions});</li>
 * <li>{@link #refusedRequestsChangeNothing()}: every case again, on records of that test's own, which read the same
 * afterwards. It stands alone: it sends every bad request itself, in no particular order after anything.</li>
 * </ul>
 *
 * @param <C> a case (its {@code toString} names it in the report)
 * @param <T> the records the bad requests aim at
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputHarness<C extends BadInputHarness.BadInput, T> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEATED = Pattern.compile("\\{(.)\\*(\\d+)}");

    /** A bad request of a service: the field its refusal must name. */
    public interface BadInput {
        String field();
    }

    private T shared;

    protected abstract Stream<C> cases();

    /** New records of a structure of their own that the requests aim at. */
    protected abstract T newTarget();

    /** Sends the bad request of {@code input} against {@code target}, as a front end would. */
    protected abstract Response send(C input, T target);

    /** What the service holds of {@code target} (and, where it can tell, what it published): equal before and after. */
    protected abstract Object observe(T target);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsRefusedNamingTheField(C input) {
        assertRefused(input, send(input, shared()));
    }

    /** Every case of {@link #cases()} on records of this test's own: they read as before. */
    @Test
    void refusedRequestsChangeNothing() {
        T target = newTarget();
        Object before = observe(target);
        List<String> notRefused = cases().filter(input -> send(input, target).statusCode() != 400)
                .map(Object::toString).toList();
        assertThat(notRefused).as("bad requests that were not refused").isEmpty();
        assertThat(observe(target)).as("what the refused requests aimed at").isEqualTo(before);
    }

    /**
     * {@code json} with {@code field} (a dotted path for a nested one) set to {@code value}, itself JSON; a null value
     * leaves the field out.
     */
    public static String withField(String json, String field, String value) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            ObjectNode parent = root;
            String[] path = field.split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                parent = (ObjectNode) parent.get(path[i]);
            }
            String leaf = path[path.length - 1];
            if (value == null) {
                parent.remove(leaf);
            } else {
                parent.set(leaf, JSON.readTree(value));
            }
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A case table written as data: one case a line, its {@code columns} cells separated by {@code |} and trimmed
     * (the last cell may hold any character); blank lines and {@code #} lines are skipped. In a cell,
     * {@code {future}} stands for a day after today, {@code {x*501}} for 501 times {@code x}.
     */
    public static Stream<String[]> table(int columns, String rows) {
        String future = LocalDate.now().plusDays(3).toString();
        List<String[]> table = new ArrayList<>();
        for (String line : rows.split("\n")) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.stream(line.split("\\|", columns)).map(String::trim)
                    .map(cell -> repeated(cell.replace("{future}", future))).toArray(String[]::new);
            if (cells.length != columns) {
                throw new IllegalArgumentException("a row of " + cells.length + " cells, not " + columns + ": " + line);
            }
            table.add(cells);
        }
        return table.stream();
    }

    /**
     * {@code json} edited by {@code edit}: {@code field = value} sets the field (a dotted path) to the JSON value,
     * a field alone removes it.
     */
    public static String edited(String json, String edit) {
        int equals = edit.indexOf('=');
        return equals < 0 ? withField(json, edit.trim(), null)
                : withField(json, edit.substring(0, equals).trim(), edit.substring(equals + 1).trim());
    }

    private static String repeated(String cell) {
        Matcher repeat = REPEATED.matcher(cell);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(out, Matcher.quoteReplacement(repeat.group(1)
                    .repeat(Integer.parseInt(repeat.group(2)))));
        }
        return repeat.appendTail(out).toString();
    }

    private synchronized T shared() {
        if (shared == null) {
            shared = newTarget();
        }
        return shared;
    }

    private static void assertRefused(BadInput input, Response response) {
        assertThat(response.statusCode()).as("%s: %s", input, response.asString()).isEqualTo(400);
        assertThat(response.contentType()).as("%s", input).startsWith("application/problem+json");
        assertThat(JsonAnswer.of(response).path("status").asInt()).as("%s", input).isEqualTo(400);
        assertThat(JsonAnswer.texts(response, "/violations", "field")).as("%s: %s", input,
                response.asString()).anyMatch(field -> field.equals(input.field())
                || field.startsWith(input.field() + ".") || field.startsWith(input.field() + "["));
    }
}
