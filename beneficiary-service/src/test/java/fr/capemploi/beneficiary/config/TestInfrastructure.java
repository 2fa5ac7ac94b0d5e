package fr.capemploi.beneficiary.config;

import fr.capemploi.testsupport.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL, real Kafka and a trusted token issuer for every test of this service. */
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "beneficiary"))
public class TestInfrastructure {
}
