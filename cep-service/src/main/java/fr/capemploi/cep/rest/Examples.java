package fr.capemploi.cep.rest;

import static fr.capemploi.platform.rest.ExampleIds.COUNSELLOR;
import static fr.capemploi.platform.rest.ExampleIds.STRUCTURE;
import static fr.capemploi.platform.rest.ExampleIds.BENEFICIARY;

/** Named OpenAPI examples shared by several operations. */
final class Examples {

    static final String DIAGNOSTIC = "a3c1e2f4-2222-4a2b-9c3d-000000000002";
    static final String ACCOMPANIMENT = "a3c1e2f4-3333-4a2b-9c3d-000000000003";

    static final String NOT_FOUND = "{\"type\":\"https://cepcpf.capemploi.fr/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"Accompaniment " + ACCOMPANIMENT + " was not found\"}";
    static final String UNKNOWN_BENEFICIARY = "{\"type\":\"https://cepcpf.capemploi.fr/problems/unknown-reference\","
            + "\"title\":\"Unknown reference\",\"status\":404,\"detail\":\"beneficiaryId: Beneficiary " + BENEFICIARY
            + " is not known in your structure\",\"violations\":[{\"field\":\"beneficiaryId\","
            + "\"message\":\"Beneficiary " + BENEFICIARY + " is not known in your structure\"}]}";
    static final String CLOSED = "{\"type\":\"https://cepcpf.capemploi.fr/problems/illegal-transition\","
            + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"the accompaniment was closed on 2016-06-20; "
            + "it accepts no more changes\"}";
    static final String ERASED = "{\"type\":\"https://cepcpf.capemploi.fr/problems/beneficiary-erased\","
            + "\"title\":\"Beneficiary erased\",\"status\":410,\"detail\":\"Beneficiary " + BENEFICIARY
            + " was erased on 2019-06-03; nothing can be recorded about this person any more\"}";

    static final String REGISTRY_UNAVAILABLE = "{\"type\":\"https://cepcpf.capemploi.fr/problems/"
            + "registry-unavailable\",\"title\":\"Service unavailable\",\"status\":503,\"detail\":\""
            + "beneficiary-service, which holds the names this document shows, is not answering; try again in a "
            + "moment\"}";

    private Examples() {
    }
}
