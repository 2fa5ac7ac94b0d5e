package fr.capemploi.cep.rest;

/** Named OpenAPI examples shared by several operations. */
final class Examples {

    static final String DIAGNOSTIC = "a3c1e2f4-2222-4a2b-9c3d-000000000002";
    static final String ACCOMPANIMENT = "a3c1e2f4-3333-4a2b-9c3d-000000000003";

    static final String CLOSED = "{\"type\":\"https://cepcpf.capemploi.fr/problems/illegal-transition\","
            + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"the accompaniment was closed on 2016-06-20; "
            + "it accepts no more changes\"}";

    private Examples() {
    }
}
