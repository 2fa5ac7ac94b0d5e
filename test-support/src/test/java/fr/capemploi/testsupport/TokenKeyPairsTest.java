package fr.capemploi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's token key pairs: every JVM that asks gets the same ones, even when two write them at once. */
class TokenKeyPairsTest {

    @Test
    void jvmsStartingAtOnceUseTheFirstOnesPairsAndLaterOnesReadThem(@TempDir Path folder) throws Exception {
        // two forks of modules built side by side, both finding no file: one generates, the other waits and reads
        CountDownLatch together = new CountDownLatch(2);
        List<CompletableFuture<TokenKeyPairs>> firstTwo = List.of(1, 2).stream()
                .map(fork -> CompletableFuture.supplyAsync(() -> {
                    together.countDown();
                    try {
                        together.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return TokenKeyPairs.in(folder);
                })).toList();
        TokenKeyPairs first = firstTwo.get(0).get();
        TokenKeyPairs second = firstTwo.get(1).get();
        TokenKeyPairs later = TokenKeyPairs.in(folder);

        for (TokenKeyPairs other : List.of(second, later)) {
            assertThat(other.trusted().getPrivate().getEncoded())
                    .isEqualTo(first.trusted().getPrivate().getEncoded());
            assertThat(other.untrusted().getPrivate().getEncoded())
                    .isEqualTo(first.untrusted().getPrivate().getEncoded());
        }
        assertThat(first.untrusted().getPublic().getEncoded()).isNotEqualTo(first.trusted().getPublic().getEncoded());
        assertThat(Files.list(folder).map(Path::getFileName).map(Path::toString))
                .containsExactlyInAnyOrder("token-key-pairs.pem", "token-key-pairs.lock");
        // the public halves are derived from the stored private keys: each verifies its own key's signatures only
        assertThat(verifies(first.trusted(), first.trusted())).isTrue();
        assertThat(verifies(first.untrusted(), first.untrusted())).isTrue();
        assertThat(verifies(first.untrusted(), first.trusted())).isFalse();
    }

    private static boolean verifies(KeyPair signer, KeyPair verifier) throws Exception {
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Signature signing = Signature.getInstance("SHA256withRSA");
        signing.initSign(signer.getPrivate());
        signing.update(data);
        byte[] signature = signing.sign();
        Signature verifying = Signature.getInstance("SHA256withRSA");
        verifying.initVerify(verifier.getPublic());
        verifying.update(data);
        return verifying.verify(signature);
    }
}
