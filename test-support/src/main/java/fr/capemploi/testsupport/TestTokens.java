package fr.capemploi.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens as the platform's identity provider would issue them. The signing key pair is generated once per
 * JVM; the services under test trust its public key through {@link #publicKeyFile()}. A second, untrusted key pair
 * signs the forged tokens of the authorization tests.
 */
public final class TestTokens {

    public static final String ISSUER = "https://cepcpf.capemploi.fr";

    private static final KeyPair TRUSTED = generate();
    private static final KeyPair UNTRUSTED = generate();
    private static Path publicKeyFile;

    private TestTokens() {
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
        return claims("counsellor", structureId, Instant.now().plus(Duration.ofHours(1)))
                .claim("counsellor_id", counsellorId.toString()).sign(TRUSTED.getPrivate());
    }

    public static String manager(UUID structureId) {
        return forRole("manager", structureId);
    }

    public static String forRole(String role, UUID structureId) {
        return claims(role, structureId, Instant.now().plus(Duration.ofHours(1))).sign(TRUSTED.getPrivate());
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
        Instant now = Instant.now();
        return custom(String.join("+", roles) + "-" + (structureId == null ? "national" : structureId)
                + "@test.cepcpf.fr", null, structureId, now, now.plus(Duration.ofHours(1)), roles);
    }

    public static String expired(String role, UUID structureId) {
        JwtClaimsBuilder claims = claims(role, structureId, Instant.now().minus(Duration.ofHours(1)));
        claims.issuedAt(Instant.now().minus(Duration.ofHours(2)));
        return claims.sign(TRUSTED.getPrivate());
    }

    public static String signedByAnotherKey(String role, UUID structureId) {
        return claims(role, structureId, Instant.now().plus(Duration.ofHours(1))).sign(UNTRUSTED.getPrivate());
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

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
