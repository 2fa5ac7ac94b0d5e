package fr.capemploi.cep.service;

import fr.capemploi.cep.rest.client.BeneficiaryRegistryClient;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.problem.BeneficiaryErasedException;
import fr.capemploi.platform.problem.RegistryUnavailable;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads from beneficiary-service what a document prints, as the caller: the caller's own bearer token goes with each
 * read, so the registry applies its own rules (a counsellor sees the people of their structure) and logs the read in
 * the person's access log. Nothing read here is kept: it lives for the one document being rendered. Deliberately not
 * transactional: no database connection is held while the registry is asked.
 */
@ApplicationScoped
public class RegistryReader {

    private static final Logger LOG = Logger.getLogger(RegistryReader.class);

    private final BeneficiaryRegistryClient registry;
    private final JsonWebToken token;
    private final Duration retryAfter;

    public RegistryReader(@RestClient BeneficiaryRegistryClient registry, JsonWebToken token, PlatformConfig platform) {
        this.registry = registry;
        this.token = token;
        this.retryAfter = platform.registry().retryAfter();
    }

    /** The person's civility, names and birth date; 410 when the registry says they were erased. */
    public DocumentParties.Person person(UUID beneficiaryId) {
        BeneficiaryRegistryClient.RegistryBeneficiary found = read("Beneficiary", beneficiaryId,
                bearer -> registry.beneficiary(bearer, beneficiaryId));
        if (found.erased()) {
            // the erasure happened in the registry before its event reached this service: no document either way
            throw new BeneficiaryErasedException(beneficiaryId, found.erasedOn());
        }
        return new DocumentParties.Person(beneficiaryId, civility(found.sex()), found.firstName(), found.lastName(),
                found.birthDate());
    }

    public DocumentParties.Counsellor counsellor(UUID counsellorId) {
        if (counsellorId == null) {
            return DocumentParties.Counsellor.unnamed(null);
        }
        BeneficiaryRegistryClient.RegistryCounsellor found = read("Counsellor", counsellorId,
                bearer -> registry.counsellor(bearer, counsellorId));
        return new DocumentParties.Counsellor(counsellorId, found.displayName());
    }

    public DocumentParties.Structure structure(UUID structureId) {
        BeneficiaryRegistryClient.RegistryStructure found = read("Structure", structureId,
                bearer -> registry.structure(bearer, structureId));
        return new DocumentParties.Structure(structureId, found.code(), found.name(), found.regionName(),
                found.department());
    }

    /** How the CEP kit addresses the person: from the registry's sex, the only civility it records. */
    static String civility(String sex) {
        if (Sex.FEMALE.name().equals(sex)) {
            return "Madame";
        }
        if (Sex.MALE.name().equals(sex)) {
            return "Monsieur";
        }
        return null;
    }

    private <T> T read(String what, UUID id, Function<String, T> call) {
        String bearer = "Bearer " + token.getRawToken();
        RuntimeException failure;
        try {
            return call.apply(bearer);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 410 && "Beneficiary".equals(what)) {
                throw new BeneficiaryErasedException(id, null);
            }
            if (status == 404) {
                // the registry does not show it to this caller: the document cannot name it, so there is none
                throw new ResourceNotFoundException(what + " (in beneficiary-service)", id);
            }
            if (status == 401 || status == 403) {
                throw new ForbiddenException("Your token does not allow beneficiary-service to show the "
                        + what.toLowerCase() + " this document names");
            }
            failure = e;
            LOG.warnf("beneficiary-service answered %d to the read of %s %s for a document", status, what, id);
        } catch (RuntimeException e) {
            // refused connection, timeout, unreadable answer: the registry is not answering as it should
            failure = e;
            LOG.warnf("beneficiary-service did not answer the read of %s %s for a document: %s", what, id,
                    e.toString());
        }
        throw new RegistryUnavailable("beneficiary-service, which holds the names this document shows, is not "
                + "answering; try again in a moment", retryAfter, failure);
    }
}
