package fr.capemploi.platform.security;

import fr.capemploi.platform.problem.ResourceNotFoundException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, in the domain's terms. Counsellors and managers work inside their own structure: anything of
 * another structure is answered as if it did not exist. Admins and analysts work at every scope.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** True for roles that act inside one structure only. */
    public boolean isStructureBound() {
        return !hasRole(Roles.ADMIN) && !hasRole(Roles.ANALYST) && (hasRole(Roles.COUNSELLOR) || hasRole(Roles.MANAGER));
    }

    /** The structure of the token, if it names one. */
    public Optional<UUID> structureId() {
        Object claim = token == null ? null : token.getClaim(Roles.STRUCTURE_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim instanceof JsonString json ? json.getString() : claim.toString();
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
