package fr.capemploi.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Bearer tokens as the platform's identity provider would issue them. The signing key pair is generated once per
 * build ({@link TokenKeyPairs}); the services under test trust its public key through {@link #publicKeyFile()}. A
 * second, untrusted key pair signs the forged tokens of the authorization tests.
 *
 * <p>A token of the same kind (role, structure, counsellor, key, expired or not) is signed once and handed out again
 * for {@link #REUSE} (an identity provider's client keeps its token too): an RS256 signature costs 8-10 ms of CPU in
 * the test JVMs, which run on the C1 compiler alone and so without the JIT's BigInteger intrinsics, and a module's
 * tests asked for thousands (a third of a test JVM's Java samples). Within {@code REUSE} a token has at least 50
 * minutes left and is at most 10 minutes old, far inside the services' limits (12 hours). Tokens whose instants a
 * test chooses ({@link #custom}) are always signed afresh.
 */
public final class TestTokens {

    public static final String ISSUER = "https://cepcpf.capemploi.fr";

    private static final TokenKeyPairs KEYS = TokenKeyPairs.ofThisBuild();
    private static final KeyPair TRUSTED = KEYS.trusted();
    private static final KeyPair UNTRUSTED = KEYS.untrusted();
    private static Path publicKeyFile;

    /** How long a signed token is handed out again. */
    static final Duration REUSE = Duration.ofMinutes(10);

    private record Signed(String token, Instant signedAt) {
    }

    private static final Map<List<Object>, Signed> SIGNED = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** The token of this {@code kind} signed less than {@link #REUSE} ago, or a new one. */
    private static String reused(List<Object> kind, Supplier<String> sign) {
        Instant now = Instant.now();
        return SIGNED.compute(kind, (k, signed) -> signed != null && signed.signedAt().plus(REUSE).isAfter(now)
                ? signed : new Signed(sign.get(), now)).token();
    }

    public static String admin() {
        return forRole("admin", null);
    }

    public static String analyst() {
        return forRole("analyst", null);
    }

    public static String partner() {
        return forRole("partner", null);
    }

    public static String counsellor(UUID structureId) {
        return forRole("counsellor", structureId);
    }

    /** A counsellor's token that also says which counsellor it is (the {@code counsellor_id} claim). */
    public static String counsellor(UUID structureId, UUID counsellorId) {
        return reused(List.of("counsellor", String.valueOf(structureId), counsellorId), () -> claims("counsellor",
                structureId, Instant.now().plus(Duration.ofHours(1)))
                .claim("counsellor_id", counsellorId.toString()).sign(TRUSTED.getPrivate()));
    }

    public static String manager(UUID structureId) {
        return forRole("manager", structureId);
    }

    public static String forRole(String role, UUID structureId) {
        return reused(List.of(role, String.valueOf(structureId)),
                () -> claims(role, structureId, Instant.now().plus(Duration.ofHours(1))).sign(TRUSTED.getPrivate()));
    }

    /**
     * A token shaped by the test: several roles, a chosen {@code upn} and subject (null leaves it out), chosen issue and
     * expiry instants. For the audit cases: multi-role tokens, callers of two structures sharing a {@code upn},
     * tokens living too long or issued in the future.
     */
    public static String custom(String upn, String subject, UUID structureId, Instant issuedAt, Instant expiresAt,
            String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).upn(upn).groups(Set.of(roles)).issuedAt(issuedAt)
                .expiresAt(expiresAt);
        if (subject != null) {
            claims.subject(subject);
        }
        if (structureId != null) {
            claims.claim("structure_id", structureId.toString());
        }
        return claims.sign(TRUSTED.getPrivate());
    }

    /** A token valid for an hour with several roles, e.g. counsellor + analyst. */
    public static String withRoles(UUID structureId, String... roles) {
        return reused(List.of("roles", String.valueOf(structureId), List.of(roles)), () -> {
            Instant now = Instant.now();
            return custom(String.join("+", roles) + "-" + (structureId == null ? "national" : structureId)
                    + "@test.cepcpf.fr", null, structureId, now, now.plus(Duration.ofHours(1)), roles);
        });
    }

    public static String expired(String role, UUID structureId) {
        return reused(List.of("expired", role, String.valueOf(structureId)), () -> {
            JwtClaimsBuilder claims = claims(role, structureId, Instant.now().minus(Duration.ofHours(1)));
            claims.issuedAt(Instant.now().minus(Duration.ofHours(2)));
            return claims.sign(TRUSTED.getPrivate());
        });
    }

    public static String signedByAnotherKey(String role, UUID structureId) {
        return reused(List.of("untrusted", role, String.valueOf(structureId)),
                () -> claims(role, structureId, Instant.now().plus(Duration.ofHours(1))).sign(UNTRUSTED.getPrivate()));
    }

    /** PEM file of the trusted public key, for {@code mp.jwt.verify.publickey.location}. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("cepcpf-test-jwt", ".pem");
                file.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(TRUSTED.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem, StandardCharsets.US_ASCII);
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static JwtClaimsBuilder claims(String role, UUID structureId, Instant expiresAt) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .upn(role + "-" + (structureId == null ? "national" : structureId) + "@test.cepcpf.fr")
                .groups(Set.of(role))
                .expiresAt(expiresAt);
        if (structureId != null) {
            claims.claim("structure_id", structureId.toString());
        }
        return claims;
    }
}
