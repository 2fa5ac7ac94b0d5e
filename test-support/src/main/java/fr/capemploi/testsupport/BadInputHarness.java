package fr.capemploi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.util.List;
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

    private synchronized T shared() {
        if (shared == null) {
            shared = newTarget();
        }
        return shared;
    }

    private static void assertRefused(BadInput input, Response response) {
        assertThat(response.statusCode()).as("%s: %s", input, response.asString()).isEqualTo(400);
        assertThat(response.contentType()).as("%s", input).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).as("%s", input).isEqualTo(400);
        assertThat(response.jsonPath().getList("violations.field", String.class)).as("%s: %s", input,
                response.asString()).anyMatch(field -> field.equals(input.field())
                || field.startsWith(input.field() + ".") || field.startsWith(input.field() + "["));
    }
}
