package fr.capemploi.beneficiary.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.beneficiary.config.KeyRing;
import fr.capemploi.beneficiary.domain.Nir;
import fr.capemploi.beneficiary.domain.SealedNir;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NirVaultTest {

    private static final String KEY = Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_KEY = Base64.getEncoder()
            .encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    private static final Nir NIR = Nir.parse("274027512345629");

    private final NirVault vault = new NirVault(KeyRing.of(KEY));

    @Test
    void sealsWithAFreshNonceAndOpensBack() {
        UUID id = UUID.randomUUID();
        SealedNir first = vault.seal(NIR, id);
        SealedNir second = vault.seal(NIR, id);
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(NIR.value());
        assertThat(vault.open(first.ciphertext(), id)).isEqualTo(NIR);
        assertThat(vault.open(second.ciphertext(), id)).isEqualTo(NIR);
    }

    @Test
    void aCiphertextMovedToAnotherBeneficiaryOrReadWithAnotherKeyDoesNotOpen() {
        UUID id = UUID.randomUUID();
        byte[] stored = vault.seal(NIR, id).ciphertext();
        assertThatThrownBy(() -> vault.open(stored, UUID.randomUUID())).isInstanceOf(IllegalStateException.class)
                .message().doesNotContain(NIR.value());
        NirVault other = new NirVault(KeyRing.of(OTHER_KEY));
        assertThatThrownBy(() -> other.open(stored, id)).isInstanceOf(IllegalStateException.class);
        byte[] tampered = stored.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.open(tampered, id)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void searchHashIsStablePerKeyAndRevealsNothing() {
        String hash = vault.searchHash(NIR);
        assertThat(vault.searchHash(Nir.parse("2 74 02 75 123 456 29"))).isEqualTo(hash);
        assertThat(new NirVault(KeyRing.of(OTHER_KEY)).searchHash(NIR)).isNotEqualTo(hash);
        assertThat(hash).hasSize(64).doesNotContain(NIR.value());
        // the search hash is not the encryption key's work: same input, same hash, whatever the beneficiary
        assertThat(vault.seal(NIR, UUID.randomUUID()).searchHash()).isEqualTo(hash);
    }

    @Test
    void aMissingOrMalformedKeyStopsTheService() {
        assertThatThrownBy(() -> KeyRing.of("")).isInstanceOf(IllegalStateException.class).hasMessageContaining("must be set");
        assertThatThrownBy(() -> KeyRing.of("not base64!")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> KeyRing.of(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
