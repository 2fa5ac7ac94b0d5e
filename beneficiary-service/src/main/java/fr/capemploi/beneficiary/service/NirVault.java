package fr.capemploi.beneficiary.service;

import fr.capemploi.beneficiary.config.KeyRing;
import fr.capemploi.beneficiary.domain.Nir;
import fr.capemploi.beneficiary.domain.SealedNir;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts NIRs at rest (AES-256-GCM, a fresh nonce per write, the beneficiary id as associated data so a ciphertext
 * copied onto another row does not decrypt) and hashes them with a keyed HMAC so that a search by NIR never
 * decrypts anything. The stored form starts with a format byte, leaving room for a key rotation.
 */
@ApplicationScoped
public class NirVault {

    private static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public NirVault(KeyRing keys) {
        this.keys = keys;
    }

    public SealedNir seal(Nir nir, UUID beneficiaryId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.nirEncryption(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(beneficiaryId));
            byte[] encrypted = cipher.doFinal(nir.value().getBytes(StandardCharsets.US_ASCII));
            byte[] stored = ByteBuffer.allocate(1 + NONCE_BYTES + encrypted.length).put(FORMAT_V1).put(nonce)
                    .put(encrypted).array();
            return new SealedNir(stored, searchHash(nir));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("NIR encryption failed", e);
        }
    }

    public Nir open(byte[] stored, UUID beneficiaryId) {
        if (stored.length < 1 + NONCE_BYTES || stored[0] != FORMAT_V1) {
            throw new IllegalStateException("Unknown NIR storage format for beneficiary " + beneficiaryId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.nirEncryption(),
                    new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(beneficiaryId));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return Nir.parse(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // never the cause's details: they could say more than needed about the data
            throw new IllegalStateException("The NIR of beneficiary " + beneficiaryId + " cannot be decrypted with this key");
        }
    }

    public String searchHash(Nir nir) {
        return hmacHex(keys.nirSearch(), nir.value().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] associatedData(UUID beneficiaryId) {
        return beneficiaryId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String hmacHex(javax.crypto.SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
