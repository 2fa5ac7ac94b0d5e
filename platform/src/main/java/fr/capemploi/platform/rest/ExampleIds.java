package fr.capemploi.platform.rest;

/**
 * The person, structure and counsellor the examples of every service's OpenAPI document are about: one case a reader
 * follows from one document to the next (registered in beneficiary-service, accompanied in cep-service, funded in
 * cpf-service), so its ids are written once.
 */
public final class ExampleIds {

    public static final String BENEFICIARY = "0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11";
    public static final String STRUCTURE = "6a1d3f0e-6c1b-4b59-9a51-1d1f6f4f2a01";
    public static final String COUNSELLOR = "5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21";

    private ExampleIds() {
    }
}
