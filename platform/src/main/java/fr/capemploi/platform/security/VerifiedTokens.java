package fr.capemploi.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers, for a short while, the bearer tokens that passed verification, so that a front end sending the same
 * token with every request does not pay an RSA signature check each time. Profiled on the write path (C1-only JVM,
 * as the services run): the signature check was the largest single cost of a request, about a third of the
 * service's CPU, because the JIT's BigInteger intrinsics come with C2 only.
 *
 * <p>What stays as strict as before: the key is the whole token, so any change to it is a new verification; only
 * tokens that verified are kept, so a bad token is checked (and rate-limited) every time; an entry never outlives
 * the token's own validity ({@code exp}, and {@code iat} plus the maximum token age) nor {@link #MAX_REUSE} after
 * its check; the checks made on the identity afterwards ({@link TokenTimes}, roles, scopes) run on every request.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    /** The longest a verification is reused: bounds how long a token keeps passing if its signing key is replaced. */
    static final Duration MAX_REUSE = Duration.ofSeconds(60);

    /** A front end holds one token per signed-in person: this covers every counsellor of the network at once. */
    private static final int MAX_TOKENS = 20_000;

    private final Optional<Long> maxTokenAgeSeconds;
    private final Cache<String, JsonWebToken> verified;

    /**
     * Everything but {@link #parse(String)} is not on the request path: the library's parser, inherited unchanged,
     * verifies with the same configuration ({@code mp.jwt.verify.*}) as the parser this one replaces.
     */
    public VerifiedTokens(JWTAuthContextInfo authContextInfo,
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxTokenAgeSeconds) {
        super(authContextInfo);
        this.maxTokenAgeSeconds = maxTokenAgeSeconds;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfter(new UntilTokenEnds()).build();
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        JsonWebToken known = verified.getIfPresent(bearerToken);
        if (known != null) {
            return known;
        }
        JsonWebToken token = super.parse(bearerToken);
        verified.put(bearerToken, token);
        return token;
    }

    /** How much longer this token's verification will be reused; empty when it is not (or no longer) held. */
    Optional<Duration> reuseLeft(String bearerToken) {
        return verified.policy().expireVariably().flatMap(policy -> policy.getExpiresAfter(bearerToken));
    }

    /** Nanoseconds an entry may live: until the earliest of the token's end, its age limit and the reuse bound. */
    private final class UntilTokenEnds implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            long nowSeconds = System.currentTimeMillis() / 1000;
            long endSeconds = token.getExpirationTime();
            if (maxTokenAgeSeconds.isPresent() && token.getIssuedAtTime() > 0) {
                endSeconds = Math.min(endSeconds, token.getIssuedAtTime() + maxTokenAgeSeconds.get());
            }
            long untilEnd = Duration.ofSeconds(Math.max(0, endSeconds - nowSeconds)).toNanos();
            return Math.min(untilEnd, MAX_REUSE.toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
