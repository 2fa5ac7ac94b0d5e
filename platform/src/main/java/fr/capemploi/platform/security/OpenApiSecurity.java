package fr.capemploi.platform.security;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares the bearer scheme once for every service's OpenAPI document. */
@OpenAPIDefinition(
        info = @Info(title = "CEP & CPF platform", version = "1",
                description = "One service of the Cap emploi CEP & CPF platform. Errors are RFC 9457 problem+json; "
                        + "`/api/v1` changes only in ways that keep existing clients working (see the README).",
                contact = @Contact(name = "CEP & CPF platform team", url = "https://cepcpf.capemploi.fr")),
        servers = @Server(url = "/", description = "Where the service is deployed: production, or a local suite "
                + "(./suite up, ports 8081 to 8084)"),
        security = @SecurityRequirement(name = "jwt"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "jwt",
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "JWT signed by the platform's identity provider; claims `groups` (role) and "
                        + "`structure_id` (the counsellor's or manager's structure); optional `counsellor_id` (the "
                        + "counsellor's id: an act sent without `counsellorId` is credited to that counsellor). Issued "
                        + "and checked following RFC8725 (JWT best current practices): signature (RS256) and "
                        + "issuer verified, age limited. An operation's security requirement lists the roles it allows."),
                parameters = @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = false,
                        description = "Makes a POST safe to retry: 8 to 128 visible ASCII characters, e.g. a UUID. "
                                + "The same key with the same request returns the first answer (header "
                                + "Idempotent-Replayed: true) and changes nothing; with another request, 422.",
                        schema = @Schema(type = SchemaType.STRING, minLength = 8, maxLength = 128),
                        example = "8f14e45f-ceea-467f-a8f6-1b2c3d4e5f60")))
public class OpenApiSecurity extends Application {
}
