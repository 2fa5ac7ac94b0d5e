package fr.capemploi.beneficiary.domain;

/**
 * A NIR as stored: encrypted (AES-GCM, bound to its beneficiary) and a keyed hash to find it without decrypting.
 */
public record SealedNir(byte[] ciphertext, String searchHash) {
}
