package fr.capemploi.localstack;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Mints the RS256 bearer tokens the services accept (MicroProfile JWT: {@code upn}, {@code groups}). A token of the
 * same role, structure and counsellor is signed once and handed out again for {@link #REUSE}, as a client of an
 * identity provider keeps its token: an RS256 signature costs 8-10 ms of CPU in a JVM on the C1 compiler alone (no
 * BigInteger intrinsics), which is what the system tests run the demo loader and their polls in, and the demo
 * network's two loads, its settle polls and the tests' polls ask for the same few hundred tokens thousands of times.
 */
public final class TokenMinter {

    public static final String DEFAULT_ISSUER = "https://cepcpf.capemploi.fr";
    public static final List<String> ROLES = List.of("counsellor", "manager", "analyst", "partner", "admin");
    public static final Duration LIFESPAN = Duration.ofHours(12);
    /** A token handed out again has at least 11 of its {@link #LIFESPAN}'s 12 hours left. */
    public static final Duration REUSE = Duration.ofHours(1);

    /** How a partner system is named ({@link #mintPartner}): checked at every referral's token, compiled once. */
    private static final Pattern SYSTEM_NAME = Pattern.compile("[a-z0-9-]+");

    private final PrivateKey signingKey;
    private final String issuer;
    /** The last token signed for each subject and structure (a subject per role, structure and counsellor, or system). */
    private final Map<List<String>, Signed> signed = new ConcurrentHashMap<>();

    private record Signed(String token, Instant issuedAt) {
    }

    public TokenMinter(PrivateKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    public String mint(String role) {
        return mint(role, null);
    }

    /**
     * @param structureId the structure a counsellor or manager belongs to; {@code null} for none
     */
    public String mint(String role, UUID structureId) {
        return mint(role, structureId, null);
    }

    /**
     * @param counsellorId the counsellor the token belongs to (claim {@code counsellor_id}: an act sent without a
     *     {@code counsellorId} is credited to them); {@code null} for none
     */
    public String mint(String role, UUID structureId, UUID counsellorId) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'; expected one of " + ROLES);
        }
        // one subject per role and structure: callers of two structures must never look like one caller (stored
        // idempotent answers are kept per caller); the same role and structure keep one subject, so a re-run demo
        // load is still answered with replays
        String subject = counsellorId == null ? subject(role, structureId)
                : subject(role, structureId).replace("@", "." + counsellorId + "@");
        return reused(subject, role, structureId, counsellorId);
    }

    /**
     * A partner system's token, for the system named {@code system} (e.g. {@code pole-emploi-84}, one of Pôle
     * emploi's regional directorates): subject {@code partner.<system>@suite.local}, no structure. Each system is a
     * caller of its own, with its own stored answers and its own allowance of requests (the services' per-partner
     * rate limit): a network's referrals come from several systems, not one.
     */
    public String mintPartner(String system) {
        if (system == null || !SYSTEM_NAME.matcher(system).matches()) {
            throw new IllegalArgumentException("a partner system is named by lower-case letters, digits and dashes: '"
                    + system + "'");
        }
        return reused("partner." + system + "@suite.local", "partner", null, null);
    }

    /** The token last signed for {@code subject} if it has {@link #REUSE} left, else a new one. */
    private String reused(String subject, String role, UUID structureId, UUID counsellorId) {
        Instant now = Instant.now();
        return signed.compute(List.of(subject, String.valueOf(structureId)),
                (kind, last) -> last != null && now.isBefore(last.issuedAt().plus(REUSE)) ? last
                        : new Signed(sign(subject, role, structureId, counsellorId, now), now)).token();
    }

    private String sign(String subject, String role, UUID structureId, UUID counsellorId, Instant now) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .upn(subject)
                .subject(subject)
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(now.plus(LIFESPAN));
        if (structureId != null) {
            claims.claim("structure_id", structureId.toString());
        }
        if (counsellorId != null) {
            claims.claim("counsellor_id", counsellorId.toString());
        }
        return claims.jws().keyId("local-stack").sign(signingKey);
    }

    /** {@code counsellor.<structure>@suite.local}, or {@code admin@suite.local} for a national role. */
    public static String subject(String role, UUID structureId) {
        return role + (structureId == null ? "" : "." + structureId) + "@suite.local";
    }
}
