package fr.capemploi.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs the stack's tokens. Generated once per data folder, so no secret is ever committed;
 * the services verify with {@code public.pem} (X.509 SubjectPublicKeyInfo), the launcher signs with
 * {@code private.pem} (PKCS#8).
 */
public final class SigningKeys {

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private SigningKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads {@code <dir>/private.pem}, creating it first if absent; (re)writes a missing {@code public.pem}. */
    public static SigningKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve("private.pem");
        Path publicFile = directory.resolve("public.pem");
        try {
            Files.createDirectories(directory);
            if (!Files.exists(privateFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                writeOnce(privateFile, pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));
            }
            PrivateKey privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(decodePem(Files.readString(privateFile))));
            if (!Files.exists(publicFile)) {
                // derived from the private key so that a lost public.pem can never mismatch it
                writeOnce(publicFile, pem("PUBLIC KEY", publicKeyOf(privateKey).getEncoded()));
            }
            return new SigningKeys(privateKey, publicFile.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the signing keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable signing key in " + directory
                    + " (delete the folder to generate a new pair)", e);
        }
    }

    /**
     * The key beneficiary-service encrypts NIRs with (base64 of 32 random bytes), created once beside the signing
     * keys: the encrypted NIRs in the data folder stay readable across restarts, and no key is ever committed.
     */
    public static String nirKey(Path directory) {
        Path file = directory.resolve("nir.key");
        try {
            Files.createDirectories(directory);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                writeOnce(file, java.util.Base64.getEncoder().encodeToString(key) + "\n");
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The file to hand to the services in {@code JWT_PUBLIC_KEY_LOCATION}. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    /**
     * Writes through a temporary file and an atomic move, so that a concurrent {@code ./suite token} and
     * {@code ./suite up} never read half a key; the first writer wins.
     */
    private static void writeOnce(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            if (Files.exists(target)) {
                return;
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } catch (FileAlreadyExistsException ignored) {
            // another process won the race: keep its key
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] decodePem(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
