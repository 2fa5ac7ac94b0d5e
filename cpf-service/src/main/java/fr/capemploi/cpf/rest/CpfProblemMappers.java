package fr.capemploi.cpf.rest;

import fr.capemploi.cpf.service.ConsentMissingException;
import fr.capemploi.cpf.service.UnknownBeneficiaryException;
import fr.capemploi.cpf.service.UnknownCounsellorException;
import fr.capemploi.platform.problem.Problem;
import fr.capemploi.platform.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problems only this service raises. */
public class CpfProblemMappers {

    static final String UNKNOWN_BENEFICIARY = "https://cepcpf.capemploi.fr/problems/unknown-beneficiary";
    static final String UNKNOWN_COUNSELLOR = "https://cepcpf.capemploi.fr/problems/unknown-counsellor";

    /**
     * 404 when the beneficiary is the resource of the path ({@code /cpf/accounts/{beneficiaryId}}), 422 when a body
     * names it ({@code POST /cpf/training-projects}); both name the field {@code beneficiaryId}.
     */
    @ServerExceptionMapper
    public Response unknownBeneficiary(UnknownBeneficiaryException e, UriInfo uri) {
        int status = e.location() == UnknownBeneficiaryException.Location.PATH ? 404 : 422;
        Problem problem = new Problem(UNKNOWN_BENEFICIARY, "Unknown beneficiary", status, e.getMessage(),
                uri == null ? null : uri.getPath(),
                List.of(new Problem.Violation("beneficiaryId", "is not a beneficiary of your structure")));
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response unknownCounsellor(UnknownCounsellorException e, UriInfo uri) {
        Problem problem = new Problem(UNKNOWN_COUNSELLOR, "Unknown counsellor", 422, e.getMessage(),
                uri == null ? null : uri.getPath(),
                List.of(new Problem.Violation("counsellorId", "is not a counsellor of your structure")));
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response consentMissing(ConsentMissingException e, UriInfo uri) {
        return ProblemMappers.problem(409, "cpf-consent-missing", "CPF consent missing", e.getMessage(), uri);
    }
}
