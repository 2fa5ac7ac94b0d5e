package fr.capemploi.cep.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the CEP service. */
@ConfigMapping(prefix = "cep")
public interface CepConfig {

    Registry registry();

    /** beneficiary-service, read at render time for the names a document shows. */
    interface Registry {
        /**
         * The {@code Retry-After} of the 503 answered when it does not answer: long enough for a restart or a blip
         * to pass, short enough for a counsellor to click again.
         */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
