package fr.capemploi.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token issued in the future (beyond the allowed clock skew). The JWT verifier bounds a token's age since
 * {@code iat} ({@code mp.jwt.verify.token.age}) and its lifetime {@code exp - iat} ({@code smallrye.jwt.time-to-live}),
 * but a future {@code iat} passes both checks: with {@code iat} and {@code exp} far ahead, a token would live for
 * years. The audit found exactly that accepted. Wall-clock time, as the verifier uses: the injectable business clock
 * may be set to another day in tests.
 */
@ApplicationScoped
public class TokenTimes implements SecurityIdentityAugmentor {

    private final int clockSkewSeconds;

    public TokenTimes(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkewSeconds) {
        this.clockSkewSeconds = clockSkewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            long issuedAt = token.getIssuedAtTime();
            if (issuedAt > System.currentTimeMillis() / 1000 + clockSkewSeconds) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Token issued in the future"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
