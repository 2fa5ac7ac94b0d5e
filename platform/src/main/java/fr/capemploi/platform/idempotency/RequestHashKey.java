package fr.capemploi.platform.idempotency;

import javax.crypto.SecretKey;

/**
 * The key of the request fingerprints kept with Idempotency-Keys, for a service whose request bodies carry personal
 * data: the fingerprint is then an HMAC, so the table cannot be used as a dictionary of the requests (a plain
 * SHA-256 of a known person's referral would confirm it was sent). Without such a bean the fingerprint is a SHA-256.
 */
public interface RequestHashKey {

    SecretKey requestHash();
}
