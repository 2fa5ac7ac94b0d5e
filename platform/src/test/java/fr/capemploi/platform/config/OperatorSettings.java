package fr.capemploi.platform.config;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * What an operator sets at the edge of the API, for the tests of those settings: one browser origin let in
 * ({@code CORS_ORIGINS}) and small rate limits. One profile for all of them, because each distinct profile boots
 * Quarkus once more. The settings do not meet: the CORS tests never call as a partner, and call without a token
 * fewer times than the failed authentications an address is allowed.
 */
public class OperatorSettings implements QuarkusTestProfile {

    public static final String FRONT_END = "https://parcours.capemploi-75.fr";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.cors.origins", FRONT_END,
                "cepcpf.rate-limit.enabled", "true", "cepcpf.rate-limit.failed-authentications", "3",
                "cepcpf.rate-limit.partner-requests", "4", "cepcpf.rate-limit.window", "10m");
    }
}
