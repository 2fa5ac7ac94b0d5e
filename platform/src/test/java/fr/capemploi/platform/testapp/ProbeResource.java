package fr.capemploi.platform.testapp;

import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** An answer under /api/, where the services serve everything that may hold personal data. */
@Path("/api/v1/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    public Map<String, Object> probe() {
        return Map.of("lastName", "Durand");
    }
}
