package fr.capemploi.cpf.rest;

import fr.capemploi.cpf.service.ConsentMissingException;
import fr.capemploi.platform.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problems only this service raises. */
public class CpfProblemMappers {

    @ServerExceptionMapper
    public Response consentMissing(ConsentMissingException e, UriInfo uri) {
        return ProblemMappers.problem(409, "cpf-consent-missing", "CPF consent missing", e.getMessage(), uri);
    }
}
