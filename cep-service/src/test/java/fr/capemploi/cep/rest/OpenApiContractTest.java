package fr.capemploi.cep.rest;

import fr.capemploi.testsupport.OpenApiContractChecks;
import io.quarkus.test.junit.QuarkusTest;

/** The contract partners build on: committed, complete, and with examples that obey their own schemas. */
@QuarkusTest
class OpenApiContractTest extends OpenApiContractChecks {
}
