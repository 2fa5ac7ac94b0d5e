package fr.capemploi.beneficiary.domain;

/**
 * What a caller did with a beneficiary's personal data, as the access log records it. {@code RECORD_READ}: a read of
 * one of the person's records in another service (cep-service, cpf-service), which that service reported here.
 */
public enum AccessAction {
    CREATE, READ, SEARCH, PORTFOLIO, UPDATE, ASSIGN_REFERENT, EXIT, CONSENTS_READ, CONSENT_GIVEN, CONSENT_WITHDRAWN,
    ERASE, RECORD_READ
}
