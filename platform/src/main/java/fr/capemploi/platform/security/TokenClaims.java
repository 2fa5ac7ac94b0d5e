package fr.capemploi.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Our own claims of a token ({@code structure_id}, {@code counsellor_id}), read once per token rather than on every
 * request. The JWT library looks a claim's name up in the enumeration of the standard claims first, and a name that is
 * not one of them ends in an {@code IllegalArgumentException} with its stack trace: three per level-1 contact, a
 * twentieth of the objects the request threads allocated (bench/JOURNAL.md, "Write path: claims read once").
 *
 * <p>Safe to share between requests: the key is the whole signed token, whose claims cannot change without changing
 * it, and only tokens that passed verification reach a resource ({@link VerifiedTokens}). An entry lives as long as a
 * verification is reused.
 */
@ApplicationScoped
public class TokenClaims {

    /** As many tokens as {@link VerifiedTokens} keeps. */
    private static final int MAX_TOKENS = 20_000;

    private final Cache<String, Map<String, Optional<String>>> byToken = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS).expireAfterWrite(VerifiedTokens.MAX_REUSE).build();

    /** The claim as text (a JSON string unwrapped), empty when the token does not carry it. */
    public Optional<String> of(JsonWebToken token, String name) {
        String raw = token.getRawToken();
        if (raw == null) {
            // an identity built without a compact token (a test's): nothing to key it by
            return read(token, name);
        }
        return byToken.get(raw, ignored -> new ConcurrentHashMap<>()).computeIfAbsent(name, claim -> read(token, claim));
    }

    private static Optional<String> read(JsonWebToken token, String name) {
        Object claim = token.getClaim(name);
        if (claim == null) {
            return Optional.empty();
        }
        return Optional.of(claim instanceof JsonString json ? json.getString() : claim.toString());
    }
}
