package fr.capemploi.cpf.config;

import fr.capemploi.cpf.domain.UsualCeilings;
import fr.capemploi.cpf.domain.rights.RightsCalculator;
import fr.capemploi.cpf.domain.rights.RuleBook;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Reads the rule files once at start-up: a malformed file stops the service rather than a simulation. */
public class RulesProducer {

    @Produces
    @Singleton
    @Startup
    RightsCalculator rightsCalculator() {
        return new RightsCalculator(RuleBook.fromClasspath());
    }

    @Produces
    @Singleton
    @Startup
    UsualCeilings usualCeilings() {
        return UsualCeilings.fromClasspath();
    }
}
