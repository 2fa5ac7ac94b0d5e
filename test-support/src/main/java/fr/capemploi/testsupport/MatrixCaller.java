package fr.capemploi.testsupport;

import java.util.UUID;

/**
 * The kinds of caller an authorization matrix calls each operation with: no token, an expired one, one signed by an
 * untrusted key, each national role, the counsellors and managers of the records' own structure and of another one,
 * a structure-bound role without a structure, and the tokens that mix a bound role of another structure with a
 * national role (audit finding: such tokens lost their structure scope).
 */
public enum MatrixCaller {
    NO_TOKEN, EXPIRED_TOKEN, FOREIGN_KEY_TOKEN, ADMIN, ANALYST, PARTNER, OWN_COUNSELLOR, OWN_MANAGER,
    OTHER_COUNSELLOR, OTHER_MANAGER, COUNSELLOR_WITHOUT_STRUCTURE, OTHER_COUNSELLOR_AND_ANALYST,
    OTHER_MANAGER_AND_ADMIN;

    /** The token this caller sends for records of {@code own}; null for none. */
    public String token(UUID own, UUID other) {
        return switch (this) {
            case NO_TOKEN -> null;
            case EXPIRED_TOKEN -> TestTokens.expired("manager", own);
            case FOREIGN_KEY_TOKEN -> TestTokens.signedByAnotherKey("manager", own);
            case ADMIN -> TestTokens.admin();
            case ANALYST -> TestTokens.analyst();
            case PARTNER -> TestTokens.partner();
            case OWN_COUNSELLOR -> TestTokens.counsellor(own);
            case OWN_MANAGER -> TestTokens.manager(own);
            case OTHER_COUNSELLOR -> TestTokens.counsellor(other);
            case OTHER_MANAGER -> TestTokens.manager(other);
            case COUNSELLOR_WITHOUT_STRUCTURE -> TestTokens.forRole("counsellor", null);
            case OTHER_COUNSELLOR_AND_ANALYST -> TestTokens.withRoles(other, "counsellor", "analyst");
            case OTHER_MANAGER_AND_ADMIN -> TestTokens.withRoles(other, "manager", "admin");
        };
    }

    /** A token the service must refuse before anything else (401). */
    public boolean badToken() {
        return this == NO_TOKEN || this == EXPIRED_TOKEN || this == FOREIGN_KEY_TOKEN;
    }

    /** A counsellor or manager of the records' structure. */
    public boolean own() {
        return this == OWN_COUNSELLOR || this == OWN_MANAGER;
    }

    /** A structure-bound role of another structure, alone or with a national role. */
    public boolean other() {
        return this == OTHER_COUNSELLOR || this == OTHER_MANAGER || this == OTHER_COUNSELLOR_AND_ANALYST
                || this == OTHER_MANAGER_AND_ADMIN;
    }
}
