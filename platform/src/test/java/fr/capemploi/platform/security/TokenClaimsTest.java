package fr.capemploi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Our claims are read from a token once, whatever the number of requests that carry it; tokens never mix. */
class TokenClaimsTest {

    private final TokenClaims claims = new TokenClaims();

    @Test
    void aTokensClaimsAreReadOnceForEveryRequestThatCarriesIt() {
        CountingToken token = new CountingToken("token-a", Map.of(Roles.STRUCTURE_CLAIM, "s-1"));

        for (int request = 0; request < 3; request++) {
            assertThat(claims.of(token, Roles.STRUCTURE_CLAIM)).contains("s-1");
            assertThat(claims.of(token, Roles.COUNSELLOR_CLAIM)).isEmpty();
        }

        assertThat(token.reads(Roles.STRUCTURE_CLAIM)).isEqualTo(1);
        assertThat(token.reads(Roles.COUNSELLOR_CLAIM)).isEqualTo(1);
    }

    @Test
    void anotherTokenHasItsOwnClaimsEvenForTheSameClaimObject() {
        CountingToken first = new CountingToken("token-b", Map.of(Roles.STRUCTURE_CLAIM, "s-1"));
        // a second parse of the same text would carry the same claims; another text is another token
        CountingToken second = new CountingToken("token-c", Map.of(Roles.STRUCTURE_CLAIM, "s-2"));

        assertThat(claims.of(first, Roles.STRUCTURE_CLAIM)).contains("s-1");
        assertThat(claims.of(second, Roles.STRUCTURE_CLAIM)).contains("s-2");
        assertThat(claims.of(first, Roles.STRUCTURE_CLAIM)).contains("s-1");
    }

    @Test
    void aJsonStringClaimIsItsTextAndATokenWithoutCompactFormIsReadEachTime() {
        CountingToken withoutText = new CountingToken(null,
                Map.of(Roles.COUNSELLOR_CLAIM, Json.createValue("c-1")));

        assertThat(claims.of(withoutText, Roles.COUNSELLOR_CLAIM)).contains("c-1");
        assertThat(claims.of(withoutText, Roles.COUNSELLOR_CLAIM)).contains("c-1");

        assertThat(withoutText.reads(Roles.COUNSELLOR_CLAIM)).isEqualTo(2);
    }

    /** A verified token as the JWT library hands it over, counting how often each claim is asked for. */
    private static final class CountingToken implements JsonWebToken {

        private final String raw;
        private final Map<String, Object> values;
        private final Map<String, AtomicInteger> reads = new HashMap<>();

        CountingToken(String raw, Map<String, Object> values) {
            this.raw = raw;
            this.values = values;
        }

        int reads(String claim) {
            return reads.getOrDefault(claim, new AtomicInteger()).get();
        }

        @Override
        public String getName() {
            return "counsellor@test.cepcpf.fr";
        }

        @Override
        public Set<String> getClaimNames() {
            return values.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            if (claimName.equals(Claims.raw_token.name())) {
                return (T) raw;
            }
            reads.computeIfAbsent(claimName, name -> new AtomicInteger()).incrementAndGet();
            return (T) values.get(claimName);
        }

        @Override
        public Set<String> getGroups() {
            return Set.copyOf(List.of(Roles.COUNSELLOR));
        }
    }
}
