package fr.capemploi.systemtests;

import fr.capemploi.localstack.TokenMinter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack's tokens, one per role, structure and counsellor, signed once and reused as a client of the identity
 * provider keeps its token: the scenarios poll the services every 250-500 ms, and an RS256 signature costs 8-10 ms of
 * CPU in a test JVM running on the C1 compiler alone (no BigInteger intrinsics). The stack's tokens live 12 hours
 * ({@link TokenMinter#LIFESPAN}), a test class minutes, and its signing key is the stack's for its whole life.
 */
final class SuiteTokens {

    private final TokenMinter minter;
    private final Map<List<String>, String> signed = new ConcurrentHashMap<>();

    SuiteTokens(TokenMinter minter) {
        this.minter = minter;
    }

    String of(String role) {
        return of(role, null, null);
    }

    String of(String role, UUID structureId) {
        return of(role, structureId, null);
    }

    String of(String role, UUID structureId, UUID counsellorId) {
        return signed.computeIfAbsent(List.of(role, String.valueOf(structureId), String.valueOf(counsellorId)),
                kind -> minter.mint(role, structureId, counsellorId));
    }
}
