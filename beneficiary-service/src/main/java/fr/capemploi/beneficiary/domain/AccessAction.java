package fr.capemploi.beneficiary.domain;

/** What a caller did with a beneficiary's personal data, as the access log records it. */
public enum AccessAction {
    CREATE, READ, SEARCH, PORTFOLIO, UPDATE, ASSIGN_REFERENT, EXIT, CONSENTS_READ, CONSENT_GIVEN, CONSENT_WITHDRAWN,
    ERASE
}
