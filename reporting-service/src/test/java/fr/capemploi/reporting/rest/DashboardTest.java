package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard at {@code /}: static files reachable without a token and fetching nothing outside the service, and
 * every API call its scripts declare answering an analyst (and refusing an anonymous caller), with the query
 * parameters and formats the scripts send. The calls are read from the scripts themselves, so a new call the
 * dashboard makes is checked without changing this test.
 */
@QuarkusTest
class DashboardTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern CSS_REFERENCE = Pattern.compile("(?:url\\(\\s*[\"']?|@import\\s+[\"'])([^\"')]+)");
    /** Any absolute URL but the SVG namespace, which names a vocabulary and is never fetched. */
    private static final Pattern EXTERNAL = Pattern.compile(
            "(?i)\\b(?:https?|wss?|ftp)://(?!www\\.w3\\.org/2000/svg\\b)[^\\s\"'<>)]*");
    private static final Pattern PROTOCOL_RELATIVE = Pattern.compile(
            "(?i)(?:(?:src|href)\\s*=\\s*[\"']|url\\(\\s*[\"']?)//");
    private static final Pattern ROUTE = Pattern.compile(
            "route\\(\\s*\"(/api/v1/[^\"]*)\"\\s*,\\s*\\[([^\\]]*)\\]\\s*(?:,\\s*\\[([^\\]]*)\\]\\s*)?\\)");
    private static final Pattern API_LITERAL = Pattern.compile("[\"'`](/api/v1[^\"'`]*)[\"'`]");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** What the dashboard's forms produce for each query parameter, one scope at a time. */
    private static final List<Map<String, String>> SCOPES = List.of(
            Map.of("scope", "national"),
            Map.of("scope", "region", "scopeId", TestRegion.DASHBOARD.code),
            Map.of("scope", "structure", "scopeId", UUID.randomUUID().toString()));
    private static final Map<String, String> QUERY_SAMPLES = Map.of("period", "2016-Q4", "asOf", "2017-05-31",
            "from", "2016", "to", "2016", "granularity", "quarter", "compareWith", "2015");

    @Test
    void pageIsServedWithoutATokenInFrench() {
        Response page = given().get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.asString();
        assertThat(html).contains("<html lang=\"fr\">");
        Matcher title = Pattern.compile("<title>([^<]+)</title>").matcher(html);
        assertThat(title.find()).isTrue();
        assertThat(title.group(1)).startsWith("Tableau de bord");
        assertThat(html).contains("Jeton d'accès", "Se déconnecter", "./suite token analyst",
                "./suite token manager");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "connect-src 'self'")
                .doesNotContain("http");
    }

    @Test
    void everyFileThePageReferencesIsServedWithoutATokenFromThisServiceOnly() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        assertNoExternalOrigin("/", html);
        List<String> files = references(html, REFERENCE);
        assertThat(files).as("files the page references").isNotEmpty();
        assertThat(files).anyMatch(f -> f.endsWith(".js")).anyMatch(f -> f.endsWith(".css"));
        for (String file : new ArrayList<>(files)) {
            Response response = given().get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.contentType()).as(file).matches(expectedType(file));
            String body = response.asString();
            assertNoExternalOrigin(file, body);
            if (file.endsWith(".css")) {
                for (String nested : references(body, CSS_REFERENCE)) {
                    assertThat(given().get(nested).statusCode()).as(nested + " referenced by " + file).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void everyApiCallOfTheScriptsAnswersAnAnalystAndRefusesAnAnonymousCaller() {
        String scripts = scripts();
        Map<String, Route> routes = new LinkedHashMap<>();
        Matcher declaration = ROUTE.matcher(scripts);
        while (declaration.find()) {
            routes.put(declaration.group(1), new Route(declaration.group(1), strings(declaration.group(2)),
                    declaration.group(3) == null ? List.of() : strings(declaration.group(3))));
        }
        Set<String> literals = new LinkedHashSet<>();
        Matcher literal = API_LITERAL.matcher(scripts);
        while (literal.find()) {
            literals.add(literal.group(1));
        }
        assertThat(routes.keySet()).as("API paths the scripts declare").containsExactlyInAnyOrder(
                "/api/v1/indicators", "/api/v1/indicators/{id}/series", "/api/v1/reports/cnefop/{period}",
                "/api/v1/reports/activity/{period}", "/api/v1/projections/status", "/api/v1/indicators/{id}/regions",
                "/api/v1/indicators/latest-period");
        assertThat(routes.keySet()).as("every API path written in the scripts is a declared route")
                .containsAll(literals);

        List<String> indicatorIds = given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016")
                .get("/api/v1/indicators").then().statusCode(200).extract().jsonPath().getList("indicators.id");
        assertThat(indicatorIds).isNotEmpty();
        Map<String, List<String>> pathSamples = Map.of("id", indicatorIds, "period", List.of("2016", "2016-H2"));

        for (Route route : routes.values()) {
            List<String> paths = bind(route.path(), pathSamples);
            for (Map<String, String> query : queries(route)) {
                for (String path : paths) {
                    Response json = request(TestTokens.analyst(), query).accept("application/json").get(path);
                    assertThat(json.statusCode()).as("GET " + path + " " + query + " " + json.asString())
                            .isEqualTo(200);
                    assertThat(json.contentType()).as(path).startsWith("application/json");
                }
                for (String accept : route.accepts()) {
                    Response file = request(TestTokens.analyst(), query).accept(accept).get(paths.get(0));
                    assertThat(file.statusCode()).as("GET " + paths.get(0) + " as " + accept).isEqualTo(200);
                    assertThat(file.contentType()).as(paths.get(0) + " as " + accept).startsWith(accept);
                    assertThat(file.header("Content-Disposition")).as(accept).startsWith("attachment; filename=");
                }
                Response anonymous = request(null, query).get(paths.get(0));
                assertThat(anonymous.statusCode()).as("GET " + paths.get(0) + " without a token").isEqualTo(401);
            }
        }
    }

    @Test
    void anExpiredOrForeignTokenIsRefusedByTheApiWhileThePageStillLoads() {
        String expired = TestTokens.expired("analyst", null);
        given().auth().oauth2(expired).get("/api/v1/indicators").then().statusCode(401);
        given().auth().oauth2(TestTokens.signedByAnotherKey("analyst", null)).get("/api/v1/projections/status")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.partner()).get("/api/v1/indicators").then().statusCode(403);
        given().get("/index.html").then().statusCode(200);
    }

    private record Route(String path, List<String> params, List<String> accepts) {
    }

    private static RequestSpecification request(String token, Map<String, String> query) {
        RequestSpecification spec = given().queryParams(query);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** One query per scope the forms offer when the route takes a scope, each with every parameter it declares. */
    private static List<Map<String, String>> queries(Route route) {
        List<Map<String, String>> variants = new ArrayList<>();
        for (Map<String, String> scope : route.params().contains("scope") ? SCOPES : List.of(Map.<String, String>of())) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String param : route.params()) {
                if (param.equals("scope") || param.equals("scopeId")) {
                    if (scope.containsKey(param)) {
                        query.put(param, scope.get(param));
                    }
                } else if (QUERY_SAMPLES.containsKey(param)) {
                    query.put(param, QUERY_SAMPLES.get(param));
                } else {
                    fail("The dashboard sends the query parameter " + param + " to " + route.path()
                            + ": give this test a value the page sends for it");
                }
            }
            variants.add(query);
        }
        return variants;
    }

    /** The path with each placeholder replaced by each of its samples. */
    private static List<String> bind(String template, Map<String, List<String>> samples) {
        List<String> paths = List.of(template);
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            String name = placeholder.group(1);
            if (!samples.containsKey(name)) {
                fail("The dashboard calls " + template + ": give this test values for {" + name + "}");
            }
            List<String> next = new ArrayList<>();
            for (String path : paths) {
                for (String value : samples.get(name)) {
                    next.add(path.replace("{" + name + "}", value));
                }
            }
            paths = next;
        }
        return paths;
    }

    private static String scripts() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        StringBuilder all = new StringBuilder();
        for (String file : references(html, REFERENCE)) {
            if (file.endsWith(".js")) {
                all.append(given().get(file).then().statusCode(200).extract().asString()).append('\n');
            }
        }
        assertThat(all).as("scripts of the page").isNotEmpty();
        return all.toString();
    }

    private static List<String> references(String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String reference = matcher.group(1).trim();
            if (reference.startsWith("#") || reference.startsWith("data:")) {
                continue;
            }
            assertThat(reference).as("reference to another origin").doesNotStartWith("//").doesNotContainPattern(
                    "^[a-zA-Z][a-zA-Z0-9+.-]*:");
            found.add(URI.create("/").resolve(reference).getPath());
        }
        return found;
    }

    private static List<String> strings(String list) {
        List<String> values = new ArrayList<>();
        Matcher matcher = STRING.matcher(list);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static void assertNoExternalOrigin(String file, String body) {
        Matcher external = EXTERNAL.matcher(body);
        if (external.find()) {
            fail(file + " refers to another origin: " + external.group());
        }
        assertThat(PROTOCOL_RELATIVE.matcher(body).find()).as(file + " has a protocol-relative reference").isFalse();
    }

    private static String expectedType(String file) {
        // a browser told not to sniff (X-Content-Type-Options) runs or applies a file only under its own type
        if (file.endsWith(".js")) {
            return "(text|application)/javascript.*";
        }
        if (file.endsWith(".css")) {
            return "text/css.*";
        }
        if (file.endsWith(".svg")) {
            return "image/svg\\+xml.*";
        }
        return "text/html.*";
    }
}
