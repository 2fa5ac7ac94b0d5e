package fr.capemploi.cep.rest;

import static fr.capemploi.platform.rest.ExampleIds.BENEFICIARY;

/** Named OpenAPI examples shared by several operations. */
final class Examples {

    static final String DIAGNOSTIC = "a3c1e2f4-2222-4a2b-9c3d-000000000002";
    static final String ACCOMPANIMENT = "a3c1e2f4-3333-4a2b-9c3d-000000000003";

    static final String CLOSED = "{\"type\":\"https://cepcpf.capemploi.fr/problems/illegal-transition\","
            + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"the accompaniment was closed on 2016-06-20; "
            + "it accepts no more changes\"}";
    static final String ERASED = "{\"type\":\"https://cepcpf.capemploi.fr/problems/beneficiary-erased\","
            + "\"title\":\"Beneficiary erased\",\"status\":410,\"detail\":\"Beneficiary " + BENEFICIARY
            + " was erased on 2019-06-03; nothing can be recorded about this person any more\"}";

    private Examples() {
    }
}
