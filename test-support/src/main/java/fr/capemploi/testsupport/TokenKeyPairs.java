package fr.capemploi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two RSA key pairs of {@link TestTokens}: the trusted one, whose public key the services under test verify
 * with, and the untrusted one that signs the forged tokens. Generating a 2048-bit pair costs 0.5-1 CPU-s on the test
 * JVMs' C1 compiler, and every module's test JVM generated both at its start: they are generated once per build by
 * the first test JVM that needs them (the others wait for it), kept in one file under the build's target folder
 * (the root pom's surefire configuration names it in {@value #FOLDER_PROPERTY}; a module's own {@code target} when
 * run without it) and read by every other. Generated rather than committed, so that no private key is ever in the
 * repository; {@code clean} removes them.
 */
record TokenKeyPairs(KeyPair trusted, KeyPair untrusted) {

    static final String FOLDER_PROPERTY = "test-support.token-keys";

    private static final Pattern PEM = Pattern.compile("-----BEGIN PRIVATE KEY-----([^-]+)-----END PRIVATE KEY-----");

    /** The pairs of this build: read from its file, or generated and written there first if no JVM did yet. */
    static TokenKeyPairs ofThisBuild() {
        return in(Path.of(System.getProperty(FOLDER_PROPERTY, "target")));
    }

    /**
     * The pairs kept in {@code folder}, generated there first if no JVM did yet. A lock on a file beside them makes
     * the forks of modules that start side by side wait for the first one's pairs instead of each generating its own;
     * the pairs are written to a temporary file moved into place, so a JVM killed while writing leaves no half file.
     */
    static synchronized TokenKeyPairs in(Path folder) {
        Path file = folder.resolve("token-key-pairs.pem");
        try {
            Files.createDirectories(folder);
            try (FileChannel lock = FileChannel.open(folder.resolve("token-key-pairs.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                if (!Files.exists(file)) {
                    Path temporary = Files.createTempFile(folder, "token-key-pairs", ".tmp");
                    Files.writeString(temporary, privatePem() + privatePem(), StandardCharsets.US_ASCII);
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Matcher keys = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
            List<KeyPair> pairs = keys.results().map(key -> pair(key.group(1))).toList();
            if (pairs.size() != 2) {
                throw new IllegalStateException(file + " holds " + pairs.size() + " keys, not 2: delete it");
            }
            return new TokenKeyPairs(pairs.get(0), pairs.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the test token keys " + file, e);
        }
    }

    private static String privatePem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pair of a PKCS#8 private key; its public half is derived from the key's modulus and exponent. */
    private static KeyPair pair(String base64) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())),
                    privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable test token key: delete the file to generate new ones", e);
        }
    }
}
