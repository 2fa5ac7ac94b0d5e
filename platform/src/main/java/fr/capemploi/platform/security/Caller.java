package fr.capemploi.platform.security;

import fr.capemploi.platform.problem.ResourceNotFoundException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, in the domain's terms. Counsellors and managers work inside their own structure: anything of
 * another structure is answered as if it did not exist. Admins and analysts work at every scope. A token that carries
 * a structure-bound role stays bound whatever other role it also carries: an extra national role must never widen
 * what the structure-bound role may see (an audit found a counsellor + analyst token reading another structure).
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final TokenClaims claims;
    /** This request's reads: each one went through the request-scoped token's proxy (bench/JOURNAL.md). */
    private final Map<String, Optional<String>> read = new HashMap<>(4);
    /** The token is the identity's principal: read from it once, rather than through a request-scoped producer. */
    private JsonWebToken token;
    private boolean tokenRead;

    public Caller(SecurityIdentity identity, TokenClaims claims) {
        this.identity = identity;
        this.claims = claims;
    }

    /**
     * The bearer token of this request, null without one. What the injectable {@code JsonWebToken} gives, without its
     * bean made per request (its producer reads the same principal): a token only ever reaches a request as the
     * identity's principal.
     */
    private JsonWebToken token() {
        if (!tokenRead) {
            token = identity.isAnonymous() ? null
                    : identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
            tokenRead = true;
        }
        return token;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * Who the caller is, for anything kept per caller (idempotent answers): the token's subject and principal name
     * together, since two identity providers' accounts (or two locally minted tokens) may share a {@code upn}.
     */
    public String identity() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        JsonWebToken token = token();
        String subject = token == null ? null : token.getSubject();
        return subject == null || subject.equals(name()) ? name() : name() + " sub=" + subject;
    }

    /**
     * The structure this caller's answers belong to: its own for structure-bound roles, "" for national roles. Kept
     * with every stored answer so an answer given inside one structure is never replayed to another.
     */
    public String structureKey() {
        return structureScope().map(UUID::toString).orElse("");
    }

    /** True for roles that act inside one structure only, whatever other role the token carries. */
    public boolean isStructureBound() {
        return hasRole(Roles.COUNSELLOR) || hasRole(Roles.MANAGER);
    }

    /** The structure of the token, if it names one. */
    public Optional<UUID> structureId() {
        try {
            return claim(Roles.STRUCTURE_CLAIM).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The counsellor the token belongs to, when it names one ({@link Roles#COUNSELLOR_CLAIM}). */
    public Optional<UUID> counsellorId() {
        try {
            return claim(Roles.COUNSELLOR_CLAIM).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("Your token's " + Roles.COUNSELLOR_CLAIM + " claim is not a counsellor id");
        }
    }

    private Optional<String> claim(String name) {
        return read.computeIfAbsent(name, claim -> token() == null ? Optional.empty() : claims.of(token(), claim));
    }

    /**
     * Who an act is credited to: the counsellor the request names, else the counsellor of the token, else nobody here
     * (the use case then applies its own default, e.g. the referent of the accompaniment).
     */
    public UUID actingCounsellor(UUID named) {
        return named != null ? named : counsellorId().orElse(null);
    }

    /** The structure a counsellor or manager works in; their token must name it. */
    public UUID ownStructure() {
        return structureId().orElseThrow(() -> new ForbiddenException(
                "Your token carries no valid " + Roles.STRUCTURE_CLAIM + " claim"));
    }

    /**
     * The structure every query of this caller is limited to: its own for structure-bound roles, none (every
     * structure) for national roles.
     */
    public Optional<UUID> structureScope() {
        return isStructureBound() ? Optional.of(ownStructure()) : Optional.empty();
    }

    /** Fails with 404 when a structure-bound caller reaches for another structure's record. */
    public void checkAccess(UUID recordStructure, String resource, Object id) {
        if (isStructureBound() && !ownStructure().equals(recordStructure)) {
            throw new ResourceNotFoundException(resource, id);
        }
    }
}
