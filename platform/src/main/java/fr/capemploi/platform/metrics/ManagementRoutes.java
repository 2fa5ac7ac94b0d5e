package fr.capemploi.platform.metrics;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The Prometheus page is read, never written: any method but GET and HEAD is a 405 (audit finding: it answered every
 * method). Registered on the management interface's router, ahead of the metrics route.
 */
@ApplicationScoped
public class ManagementRoutes {

    void readOnlyMetrics(@Observes ManagementInterface management) {
        management.router().route("/q/metrics*").order(Integer.MIN_VALUE).handler(context -> {
            HttpMethod method = context.request().method();
            if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
                context.next();
                return;
            }
            context.response().setStatusCode(405).putHeader("Allow", "GET, HEAD")
                    .putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"https://cepcpf.capemploi.fr/problems/method-not-allowed\","
                            + "\"title\":\"Method Not Allowed\",\"status\":405,"
                            + "\"detail\":\"The metrics are read with GET\"}");
        });
    }
}
