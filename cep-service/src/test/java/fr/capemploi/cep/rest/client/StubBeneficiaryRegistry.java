package fr.capemploi.cep.rest.client;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * beneficiary-service as the layout and rule tests of this service need it: it names every person, counsellor and
 * structure (a test may give its own names), and can be made to fail. The real conversation with beneficiary-service
 * is the system tests' ({@code HighAvailabilitySystemTest.CepWithTheRegistry}), on a running suite.
 */
@Mock
@ApplicationScoped
@RestClient
public class StubBeneficiaryRegistry implements BeneficiaryRegistryClient {

    public static final String FIRST_NAME = "Hélène";
    public static final String LAST_NAME = "Martin";
    public static final LocalDate BIRTH_DATE = LocalDate.of(1974, 2, 11);
    public static final String COUNSELLOR_NAME = "Claire Dupont";
    public static final String STRUCTURE_NAME = "Cap emploi Essai";
    public static final String STRUCTURE_CODE = "099";

    private static final Map<UUID, RegistryBeneficiary> PEOPLE = new ConcurrentHashMap<>();
    private static final Map<UUID, RegistryCounsellor> COUNSELLORS = new ConcurrentHashMap<>();
    private static final Map<UUID, RegistryStructure> STRUCTURES = new ConcurrentHashMap<>();
    private static final Map<UUID, Integer> FAILING = new ConcurrentHashMap<>();
    private static final Map<UUID, String> LAST_AUTHORIZATION = new ConcurrentHashMap<>();

    public static void person(UUID id, String sex, String firstName, String lastName, LocalDate birthDate) {
        PEOPLE.put(id, new RegistryBeneficiary(id, null, false, sex, firstName, lastName, birthDate, null));
    }

    /** The registry erased the person; the event has not reached the CEP service. */
    public static void erased(UUID id) {
        PEOPLE.put(id, new RegistryBeneficiary(id, null, true, "FEMALE", null, null, null, LocalDate.of(2019, 6, 3)));
    }

    public static void counsellor(UUID id, String displayName) {
        COUNSELLORS.put(id, new RegistryCounsellor(id, null, displayName));
    }

    public static void structure(UUID id, String name, String code) {
        STRUCTURES.put(id, new RegistryStructure(id, code, name, "Occitanie", code));
    }

    /** Reads about this id answer the given HTTP status; 0 means the connection fails. */
    public static void failing(UUID id, int status) {
        FAILING.put(id, status);
    }

    /** The Authorization header the last read about this id carried. */
    public static String authorizationOf(UUID id) {
        return LAST_AUTHORIZATION.get(id);
    }

    @Override
    public RegistryBeneficiary beneficiary(String authorization, UUID id) {
        answer(authorization, id);
        return PEOPLE.getOrDefault(id, new RegistryBeneficiary(id, null, false, "FEMALE", FIRST_NAME, LAST_NAME,
                BIRTH_DATE, null));
    }

    @Override
    public RegistryCounsellor counsellor(String authorization, UUID id) {
        answer(authorization, id);
        return COUNSELLORS.getOrDefault(id, new RegistryCounsellor(id, null, COUNSELLOR_NAME));
    }

    @Override
    public RegistryStructure structure(String authorization, UUID id) {
        answer(authorization, id);
        return STRUCTURES.getOrDefault(id, new RegistryStructure(id, STRUCTURE_CODE, STRUCTURE_NAME, "Occitanie", "34"));
    }

    private static void answer(String authorization, UUID id) {
        LAST_AUTHORIZATION.put(id, authorization);
        Integer status = FAILING.get(id);
        if (status == null) {
            return;
        }
        if (status == 0) {
            throw new ProcessingException("Connection refused: 127.0.0.1:8081");
        }
        throw new WebApplicationException(status);
    }
}
