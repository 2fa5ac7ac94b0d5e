package fr.capemploi.cpf.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "cpf")
public interface CpfConfig {

    Beneficiaries beneficiaries();

    interface Beneficiaries {
        /**
         * How long a write naming a beneficiary not yet known here waits for its registration event: a front end
         * sends CPF steps right after creating the person, before {@code beneficiary.events} reached this service.
         */
        @WithDefault("5s")
        Duration registrationWait();

        @WithDefault("100ms")
        Duration registrationPoll();
    }
}
