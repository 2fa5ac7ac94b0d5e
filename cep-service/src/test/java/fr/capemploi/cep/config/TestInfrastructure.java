package fr.capemploi.cep.config;

import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.RegistryAccessLogStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real PostgreSQL, real Kafka and a trusted token issuer for every test of this service, and a stand-in for
 * beneficiary-service's access-log entry point, which reads of an erased person's records report to.
 */
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "cep"))
@QuarkusTestResource(RegistryAccessLogStub.class)
public class TestInfrastructure {
}
