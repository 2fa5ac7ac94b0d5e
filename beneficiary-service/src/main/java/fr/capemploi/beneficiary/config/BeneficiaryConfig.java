package fr.capemploi.beneficiary.config;

import io.smallrye.config.ConfigMapping;

/** Settings of the registry. The NIR key has no production default: start-up fails until one is given. */
@ConfigMapping(prefix = "beneficiary")
public interface BeneficiaryConfig {

    Nir nir();

    interface Nir {
        /**
         * Base64 of 32 random bytes ({@code BENEFICIARY_NIR_KEY}). Every key of the service derives from it: the
         * NIR encryption key, the NIR search-hash key and the request-hash key of idempotent POSTs.
         */
        String key();
    }
}
