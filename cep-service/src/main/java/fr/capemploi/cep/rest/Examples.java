package fr.capemploi.cep.rest;

/** Named OpenAPI examples shared by several operations. */
final class Examples {

    static final String BENEFICIARY = "0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11";
    static final String STRUCTURE = "6a1d3f0e-6c1b-4b59-9a51-1d1f6f4f2a01";
    static final String COUNSELLOR = "5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21";
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
