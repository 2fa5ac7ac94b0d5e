package fr.capemploi.platform.testapp;

import fr.capemploi.testsupport.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real PostgreSQL, real Kafka and a trusted token issuer for every test of this module. */
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "platform"),
        @ResourceArg(name = "databaseProxy", value = "true")})
public class TestInfrastructure {
}
