package fr.capemploi.beneficiary.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.beneficiary.config.KeyRing;
import fr.capemploi.beneficiary.repository.IdempotentRequestRepository;
import fr.capemploi.platform.idempotency.IdempotencyKeyReusedException;
import fr.capemploi.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency-Key of POST requests. A partner that retries a referral after a time-out gets the person its first
 * attempt created instead of a duplicate; a key reused with another body is refused. Keys are per caller identity
 * (subject and name), structure and operation: two callers sharing a name in two structures never share a key. Only the created resource's id is kept, never the response body: replays render the resource as it is
 * now, so no copy of personal data outlives an erasure here.
 */
@ApplicationScoped
public class IdempotentRequests {

    private final IdempotentRequestRepository requests;
    private final KeyRing keys;
    private final ObjectMapper json;
    private final Caller caller;
    private final Clock clock;

    public IdempotentRequests(IdempotentRequestRepository requests, KeyRing keys, ObjectMapper json, Caller caller,
            Clock clock) {
        this.requests = requests;
        this.keys = keys;
        this.json = json;
        this.caller = caller;
        this.clock = clock;
    }

    /** An Idempotency-Key and the fingerprint of the request that came with it. */
    public record Attempt(String operation, String key, String fingerprint) {
    }

    /** Fingerprints the request body (a keyed hash: the table must not become a dictionary of referrals). */
    public Attempt attempt(String operation, String key, Object requestBody) {
        try {
            byte[] canonical = json.writeValueAsBytes(requestBody);
            byte[] scoped = (operation + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] data = new byte[scoped.length + canonical.length];
            System.arraycopy(scoped, 0, data, 0, scoped.length);
            System.arraycopy(canonical, 0, data, scoped.length, canonical.length);
            return new Attempt(operation, key, NirVault.hmacHex(keys.requestHash(), data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    /**
     * Claims the key for this attempt, or returns the resource an earlier attempt created.
     *
     * @throws IdempotencyKeyReusedException when the earlier attempt had another body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(Attempt attempt) {
        if (requests.claim(who(), attempt.operation(), attempt.key(), attempt.fingerprint(), clock.instant())) {
            return Optional.empty();
        }
        IdempotentRequestRepository.Claimed earlier = requests.find(who(), attempt.operation(), attempt.key())
                .orElseThrow(() -> new IllegalStateException("Idempotency key vanished while claimed"));
        // a null hash was wiped by an erasure: the key still points at the (now erased) resource
        if (earlier.requestHash() != null && !earlier.requestHash().equals(attempt.fingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(earlier.resourceId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Attempt attempt, UUID resourceId) {
        requests.complete(who(), attempt.operation(), attempt.key(), resourceId);
    }

    /** The caller and its structure in one column, as the stored key's owner. */
    private String who() {
        String structure = caller.structureKey();
        return structure.isEmpty() ? caller.identity() : caller.identity() + " @" + structure;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetRequestsOf(UUID resourceId) {
        requests.forgetRequestsOf(resourceId);
    }
}
