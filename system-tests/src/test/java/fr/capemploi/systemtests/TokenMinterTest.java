package fr.capemploi.systemtests;

import fr.capemploi.localstack.SigningKeys;
import fr.capemploi.localstack.TokenMinter;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.RsaKeyUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tokens of {@code ./suite token} verify against the public key the services are given. */
class TokenMinterTest {

    @TempDir
    Path keys;

    @Test
    void tokenVerifiesWithThePublicKeyAndCarriesTheExpectedClaims() throws Exception {
        SigningKeys signing = SigningKeys.loadOrCreate(keys);
        UUID structure = UUID.randomUUID();

        String token = new TokenMinter(signing.privateKey(), TokenMinter.DEFAULT_ISSUER).mint("counsellor", structure);

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(publicKey(signing.publicKeyFile()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(TokenMinter.DEFAULT_ISSUER)
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
        assertEquals("counsellor." + structure + "@suite.local", claims.getClaimValueAsString("upn"));
        assertEquals("counsellor." + structure + "@suite.local", claims.getSubject());
        String elsewhere = new TokenMinter(signing.privateKey(), TokenMinter.DEFAULT_ISSUER).mint("counsellor",
                UUID.randomUUID());
        assertNotEquals(claims.getSubject(), new JwtConsumerBuilder().setSkipAllValidators()
                .setSkipSignatureVerification().build().processToClaims(elsewhere).getSubject());
        assertEquals(List.of("counsellor"), claims.getStringListClaimValue("groups"));
        assertEquals(structure.toString(), claims.getClaimValueAsString("structure_id"));
        long lifespan = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(TokenMinter.LIFESPAN.toSeconds(), lifespan);
    }

    @Test
    void keyPairIsKeptAcrossLoads() throws Exception {
        SigningKeys first = SigningKeys.loadOrCreate(keys);
        String publicPem = Files.readString(first.publicKeyFile());

        SigningKeys second = SigningKeys.loadOrCreate(keys);

        assertEquals(first.privateKey(), second.privateKey());
        assertEquals(publicPem, Files.readString(second.publicKeyFile()));
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void unknownRoleIsRefused() {
        SigningKeys signing = SigningKeys.loadOrCreate(keys);
        TokenMinter minter = new TokenMinter(signing.privateKey(), TokenMinter.DEFAULT_ISSUER);

        assertThrows(IllegalArgumentException.class, () -> minter.mint("root"));
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        return new RsaKeyUtil().fromPemEncoded(Files.readString(pem));
    }
}
