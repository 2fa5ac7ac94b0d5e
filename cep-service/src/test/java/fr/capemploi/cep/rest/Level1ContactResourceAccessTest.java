package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.cep.service.BeneficiaryReferences;
import fr.capemploi.platform.directory.CounsellorDirectory;
import fr.capemploi.cep.service.Level1Contacts;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The level-1 contact resource alone, its use cases replaced by test doubles: who may call each operation (401 for a
 * missing, expired or foreign token, 403 for national roles, the structure's counsellors and managers admitted), that
 * the resource hands the use cases the caller's own structure (never one from the request), that another structure's
 * contact is a 404 problem, and that a rule the use case refuses is a 400 problem naming the field. What the use cases
 * do with PostgreSQL and Kafka is proven against both in {@link Level1ContactResourceTest} and
 * {@link AuthorizationMatrixTest}.
 */
@QuarkusTest
class Level1ContactResourceAccessTest {

    private static final String PATH = "/api/v1/cep/level1-contacts";

    @InjectMock
    Level1Contacts contacts;

    @InjectMock
    BeneficiaryReferences beneficiaries;

    @InjectMock
    CounsellorDirectory counsellors;

    private final UUID structure = UUID.randomUUID();

    enum Caller { NO_TOKEN, EXPIRED, OTHER_KEY, ANALYST, PARTNER, ADMIN, COUNSELLOR, MANAGER }

    private RequestSpecification as(Caller caller) {
        String token = switch (caller) {
            case NO_TOKEN -> null;
            case EXPIRED -> TestTokens.expired("counsellor", structure);
            case OTHER_KEY -> TestTokens.signedByAnotherKey("counsellor", structure);
            case ANALYST -> TestTokens.analyst();
            case PARTNER -> TestTokens.partner();
            case ADMIN -> TestTokens.admin();
            case COUNSELLOR -> TestTokens.counsellor(structure);
            case MANAGER -> TestTokens.manager(structure);
        };
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    private static int refusal(Caller caller) {
        return switch (caller) {
            case NO_TOKEN, EXPIRED, OTHER_KEY -> 401;
            case ANALYST, PARTNER, ADMIN -> 403;
            case COUNSELLOR, MANAGER -> 0;
        };
    }

    private static Level1Contact contactOf(UUID structure) {
        return new Level1Contact(UUID.randomUUID(), structure, null, null, LocalDate.of(2016, 3, 14),
                ContactChannel.PHONE, Level1Request.CPF_INFORMATION, null, false, Instant.parse("2016-03-14T10:00:00Z"),
                "test");
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void recordingIsForTheStructuresCounsellorsAndManagersInTheirOwnStructure(Caller caller) {
        Level1Contact recorded = contactOf(structure);
        when(contacts.record(any())).thenReturn(recorded);

        var response = as(caller).body(CepFixtures.ANONYMOUS_CALL).post(PATH).then();

        if (refusal(caller) != 0) {
            response.statusCode(refusal(caller)).contentType("application/problem+json")
                    .body("status", equalTo(refusal(caller)));
            verifyNoInteractions(contacts);
            return;
        }
        response.statusCode(201).header("Location", endsWith(PATH + "/" + recorded.id()))
                .body("id", equalTo(recorded.id().toString())).body("structureId", equalTo(structure.toString()));
        verify(contacts).record(argThat(contact -> contact.structureId().equals(structure)));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void listingShowsOnlyTheCallersOwnStructure(Caller caller) {
        when(contacts.list(any(), anyInt(), anyInt())).thenReturn(new Page<>(List.of(contactOf(structure)), 1, 0, 20));

        var response = as(caller).get(PATH).then();

        if (refusal(caller) != 0) {
            response.statusCode(refusal(caller)).contentType("application/problem+json");
            verifyNoInteractions(contacts);
            return;
        }
        response.statusCode(200).body("total", equalTo(1));
        verify(contacts).list(argThat(filter -> filter.structureId().equals(structure)), eq(0), eq(20));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void readingIsForTheContactsOwnStructure(Caller caller) {
        Level1Contact own = contactOf(structure);
        when(contacts.get(structure, own.id())).thenReturn(own);

        var response = as(caller).get(PATH + "/" + own.id()).then();

        if (refusal(caller) != 0) {
            response.statusCode(refusal(caller)).contentType("application/problem+json");
            verifyNoInteractions(contacts);
            return;
        }
        response.statusCode(200).body("id", equalTo(own.id().toString()));
    }

    @Test
    void anotherStructuresContactDoesNotExistForTheCaller() {
        // the use case looks in the structure it is handed, and another structure's contact is not there
        Level1Contact elsewhere = contactOf(UUID.randomUUID());
        when(contacts.get(any(), eq(elsewhere.id())))
                .thenThrow(new ResourceNotFoundException("Level-1 contact", elsewhere.id()));

        for (Caller caller : List.of(Caller.COUNSELLOR, Caller.MANAGER)) {
            as(caller).get(PATH + "/" + elsewhere.id()).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
        }
        verify(contacts, times(2)).get(structure, elsewhere.id());
    }

    @Test
    void aRuleTheUseCaseRefusesIsA400NamingTheField() {
        when(contacts.record(any())).thenThrow(new InvalidFieldException("contactDate", "before the structure opened"));

        as(Caller.COUNSELLOR).body(CepFixtures.ANONYMOUS_CALL).post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("contactDate"));
    }
}
