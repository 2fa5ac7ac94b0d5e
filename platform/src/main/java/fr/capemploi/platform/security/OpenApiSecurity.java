package fr.capemploi.platform.security;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares the bearer scheme once for every service's OpenAPI document. */
@OpenAPIDefinition(
        info = @Info(title = "CEP & CPF platform", version = "1"),
        security = @SecurityRequirement(name = "jwt"),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "jwt",
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "JWT signed by the platform's identity provider; claims `groups` (role) and "
                        + "`structure_id` (the counsellor's or manager's structure)")))
public class OpenApiSecurity extends Application {
}
