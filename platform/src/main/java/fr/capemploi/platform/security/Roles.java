package fr.capemploi.platform.security;

/** The roles of the {@code groups} claim. */
public final class Roles {
    public static final String COUNSELLOR = "counsellor";
    public static final String MANAGER = "manager";
    public static final String ANALYST = "analyst";
    public static final String PARTNER = "partner";
    public static final String ADMIN = "admin";

    /** The claim naming the caller's structure, for counsellors and managers. */
    public static final String STRUCTURE_CLAIM = "structure_id";

    /**
     * The claim naming the counsellor a token belongs to (the counsellor's id in beneficiary-service's directory). An
     * act recorded without a {@code counsellorId} is credited to this counsellor; optional.
     */
    public static final String COUNSELLOR_CLAIM = "counsellor_id";

    private Roles() {
    }
}
