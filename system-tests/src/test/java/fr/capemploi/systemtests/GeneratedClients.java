package fr.capemploi.systemtests;

import fr.capemploi.clients.beneficiary.api.StructuresApi;
import fr.capemploi.clients.reporting.api.IndicatorsApi;
import fr.capemploi.clients.reporting.api.ProjectionsApi;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.TokenMinter;
import java.time.Duration;

/**
 * The suite's API through the Java clients generated from the four committed OpenAPI documents (module
 * {@code clients}), as a partner holding only the documents would call it: a contract the clients cannot follow
 * fails the scenarios that use them.
 */
final class GeneratedClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final LocalStack stack;
    private final TokenMinter tokens;

    GeneratedClients(LocalStack stack, TokenMinter tokens) {
        this.stack = stack;
        this.tokens = tokens;
    }

    StructuresApi structures(String role) {
        fr.capemploi.clients.beneficiary.ApiClient client = new fr.capemploi.clients.beneficiary.ApiClient();
        client.updateBaseUri(base(SuiteService.BENEFICIARY));
        client.setReadTimeout(TIMEOUT);
        client.setRequestInterceptor(request -> request.header("Authorization", bearer(role)));
        return new StructuresApi(client);
    }

    IndicatorsApi indicators(String role) {
        return new IndicatorsApi(reporting(role));
    }

    ProjectionsApi projections(String role) {
        return new ProjectionsApi(reporting(role));
    }

    private fr.capemploi.clients.reporting.ApiClient reporting(String role) {
        fr.capemploi.clients.reporting.ApiClient client = new fr.capemploi.clients.reporting.ApiClient();
        client.updateBaseUri(base(SuiteService.REPORTING));
        client.setReadTimeout(TIMEOUT);
        client.setRequestInterceptor(request -> request.header("Authorization", bearer(role)));
        return client;
    }

    private String bearer(String role) {
        return "Bearer " + tokens.mint(role);
    }

    private String base(SuiteService service) {
        String uri = stack.baseUri(service).toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
