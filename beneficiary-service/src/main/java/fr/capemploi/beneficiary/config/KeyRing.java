package fr.capemploi.beneficiary.config;

import fr.capemploi.platform.idempotency.RequestHashKey;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's secret keys, derived from one configured master key so that operators handle a single secret, while
 * encryption and hashing never share a key (a hash key leak must not decrypt anything). Checked at start-up: a
 * missing or malformed key stops the service rather than let it store NIRs it could not read back.
 */
@Startup
@ApplicationScoped
public class KeyRing implements RequestHashKey {

    private final SecretKey nirEncryption;
    private final SecretKey nirSearch;
    private final SecretKey requestHash;

    @Inject
    public KeyRing(BeneficiaryConfig config) {
        this(config.nir().key());
    }

    KeyRing(String base64MasterKey) {
        byte[] master = decode(base64MasterKey);
        this.nirEncryption = new SecretKeySpec(derive(master, "cepcpf/beneficiary/nir-encryption/v1"), "AES");
        this.nirSearch = new SecretKeySpec(derive(master, "cepcpf/beneficiary/nir-search/v1"), "HmacSHA256");
        this.requestHash = new SecretKeySpec(derive(master, "cepcpf/beneficiary/request-hash/v1"), "HmacSHA256");
    }

    /** Builds a key ring from a base64 master key; for tools and tests that run without the container. */
    public static KeyRing of(String base64MasterKey) {
        return new KeyRing(base64MasterKey);
    }

    public SecretKey nirEncryption() {
        return nirEncryption;
    }

    public SecretKey nirSearch() {
        return nirSearch;
    }

    @Override
    public SecretKey requestHash() {
        return requestHash;
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("beneficiary.nir.key (BENEFICIARY_NIR_KEY) must be set");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("beneficiary.nir.key (BENEFICIARY_NIR_KEY) is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("beneficiary.nir.key (BENEFICIARY_NIR_KEY) must be 32 bytes, got " + key.length);
        }
        return key;
    }

    /** HMAC-SHA256(master, label): a pseudo-random key per purpose (the expand step of HKDF with one block). */
    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal((label + "\u0001").getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
