package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.IllegalTransition;
import fr.capemploi.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The CEP service's own problems: they name the field at fault, as a 400 does, so a front end can show where. */
public class CepProblemMappers {

    static final String TYPE_BASE = "https://cepcpf.capemploi.fr/problems/";

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransition e, UriInfo uri) {
        return problem(409, "illegal-transition", "Conflict", e.getMessage(), e.attribute(), uri);
    }

    private static Response problem(int status, String slug, String title, String detail, String field, UriInfo uri) {
        List<Problem.Violation> violations = field == null ? List.of() : List.of(new Problem.Violation(field, detail));
        Problem problem = new Problem(TYPE_BASE + slug, title, status, field == null ? detail : field + ": " + detail,
                uri == null ? null : uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
