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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void eachPartnerSystemIsACallerOfItsOwn() throws Exception {
        SigningKeys signing = SigningKeys.loadOrCreate(keys);
        TokenMinter minter = new TokenMinter(signing.privateKey(), TokenMinter.DEFAULT_ISSUER);

        JwtClaims paris = verified(signing, minter.mintPartner("pole-emploi-11"));
        JwtClaims lyon = verified(signing, minter.mintPartner("pole-emploi-84"));

        assertEquals("partner.pole-emploi-11@suite.local", paris.getSubject());
        assertEquals("partner.pole-emploi-11@suite.local", paris.getClaimValueAsString("upn"));
        assertEquals("partner.pole-emploi-84@suite.local", lyon.getSubject());
        assertEquals(List.of("partner"), paris.getStringListClaimValue("groups"));
        assertFalse(paris.hasClaim("structure_id"), "a partner system works for no structure");
        assertEquals(minter.mintPartner("pole-emploi-11"), minter.mintPartner("pole-emploi-11"),
                "signed once, handed out again");
        assertNotEquals(minter.mint("partner"), minter.mintPartner("pole-emploi-11"));
        assertThrows(IllegalArgumentException.class, () -> minter.mintPartner("Pôle emploi"));
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

    private static JwtClaims verified(SigningKeys signing, String token) throws Exception {
        return new JwtConsumerBuilder().setVerificationKey(publicKey(signing.publicKeyFile()))
                .setExpectedIssuer(TokenMinter.DEFAULT_ISSUER).setRequireExpirationTime().build()
                .processToClaims(token);
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        return new RsaKeyUtil().fromPemEncoded(Files.readString(pem));
    }
}
