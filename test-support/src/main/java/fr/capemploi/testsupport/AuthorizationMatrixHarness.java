package fr.capemploi.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of a service called by every kind of caller, with the status each must get; a service's
 * {@code AuthorizationMatrixTest} extends it with its operations, the records they act on and who may call what.
 * <ul>
 * <li>each cell: the status; a refusal is {@code application/problem+json} carrying that status, a 401 asks for a
 * bearer token; an allowed write of the records' own structure works on records of its own (it may close or settle
 * what it acts on), every other call on one shared set;</li>
 * <li>{@link #refusedCallsChangeNothing()}: every refused cell again, on records of that test's own, which read the
 * same afterwards. It stands alone: it does not depend on the matrix having run before it, nor on any order.</li>
 * </ul>
 *
 * @param <O> an operation (its {@code toString} names it in the report)
 * @param <T> the records an operation acts on
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuthorizationMatrixHarness<O, T> {

    private T shared;

    protected abstract List<O> operations();

    /** The kinds of caller this service's matrix covers. */
    protected abstract Set<MatrixCaller> callers();

    /** What {@code caller} gets for {@code operation} on records of the own structure. */
    protected abstract int expected(O operation, MatrixCaller caller);

    /** New records of a structure of their own, made through the API or the service's events. */
    protected abstract T newTarget();

    /** Fresh records for an allowed write of {@code operation}; by default a whole new target. */
    protected T freshTarget(O operation) {
        return newTarget();
    }

    /** Whether an allowed call of {@code operation} by an own caller needs records of its own (a write does). */
    protected abstract boolean changes(O operation);

    protected abstract UUID structureOf(T target);

    /** The structure of the {@code OTHER_*} callers; a random one unless the service needs it to exist. */
    protected UUID otherStructure() {
        return OTHER;
    }

    private static final UUID OTHER = UUID.randomUUID();

    /** Sends {@code operation} on {@code target}; the request already carries the caller's token. */
    protected abstract Response call(O operation, RequestSpecification request, T target);

    /** What the service shows of {@code target}; refused calls must leave it equal. */
    protected abstract Object observe(T target);

    /** A service's own further checks of an answer (a list scoped to the caller's structure...). */
    protected void check(O operation, MatrixCaller caller, Response response, T target) {
    }

    Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (O operation : operations()) {
            for (MatrixCaller caller : MatrixCaller.values()) {
                if (callers().contains(caller)) {
                    cells.add(Arguments.of(operation, caller));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void everyOperationAnswersEveryCallerAsTheRolesSay(O operation, MatrixCaller caller) {
        int expected = expected(operation, caller);
        T target = caller.own() && expected < 400 && changes(operation) ? freshTarget(operation) : shared();
        Response response = send(operation, caller, target);
        assertAnswer(operation, caller, response, expected);
        check(operation, caller, response, target);
    }

    /** Every refused cell of the matrix, on records of this test's own: they read the same afterwards. */
    @Test
    void refusedCallsChangeNothing() {
        T target = newTarget();
        Object before = observe(target);
        for (O operation : operations()) {
            for (MatrixCaller caller : callers()) {
                int expected = expected(operation, caller);
                if (expected >= 400) {
                    assertAnswer(operation, caller, send(operation, caller, target), expected);
                }
            }
        }
        assertThat(observe(target)).as("the records every refused call aimed at").isEqualTo(before);
    }

    /** The records every refused call and every read of the matrix aims at, made once. */
    protected final synchronized T shared() {
        if (shared == null) {
            shared = newTarget();
        }
        return shared;
    }

    private Response send(O operation, MatrixCaller caller, T target) {
        RequestSpecification request = given();
        String token = caller.token(structureOf(target), otherStructure());
        if (token != null) {
            request.auth().oauth2(token);
        }
        return call(operation, request, target);
    }

    private static <O> void assertAnswer(O operation, MatrixCaller caller, Response response, int expected) {
        assertThat(response.statusCode()).as("%s by %s: %s", operation, caller, response.asString())
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).as("%s by %s", operation, caller).startsWith("application/problem+json");
            assertThat(JsonAnswer.of(response).path("status").asInt()).as("%s by %s", operation, caller)
                    .isEqualTo(expected);
        }
        if (expected == 401) {
            assertThat(response.header("WWW-Authenticate")).as("%s by %s", operation, caller).startsWith("Bearer");
        }
    }
}
