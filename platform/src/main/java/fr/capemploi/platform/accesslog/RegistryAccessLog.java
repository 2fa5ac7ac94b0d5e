package fr.capemploi.platform.accesslog;

import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.problem.RegistryUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The one access log of a person is beneficiary-service's: a manager reads it at {@code /beneficiaries/{id}/access-log}
 * whatever service served the data. A service that serves a record about a person the log must cover records the read
 * there, as the caller, before it answers; as in beneficiary-service itself, a read that cannot be traced is not
 * served (503 {@code registry-unavailable}, the click can be repeated).
 */
@ApplicationScoped
public class RegistryAccessLog {

    private static final Logger LOG = Logger.getLogger(RegistryAccessLog.class);

    private final AccessLogClient registry;
    private final JsonWebToken token;
    private final String service;
    private final Duration retryAfter;

    public RegistryAccessLog(@RestClient AccessLogClient registry, JsonWebToken token, PlatformConfig platform) {
        this.registry = registry;
        this.token = token;
        this.service = platform.serviceName();
        this.retryAfter = platform.registry().retryAfter();
    }

    /**
     * Records that the caller read the record {@code kind}/{@code recordId} about the person.
     *
     * @throws RegistryUnavailable when the registry did not take the entry
     */
    public void recordRead(UUID beneficiaryId, String kind, UUID recordId) {
        RuntimeException failure;
        try {
            registry.recordRead("Bearer " + token.getRawToken(), beneficiaryId,
                    new AccessLogClient.RecordRead(service, kind, recordId));
            return;
        } catch (WebApplicationException e) {
            failure = e;
            LOG.warnf("beneficiary-service answered %d to the access-log entry of %s %s", e.getResponse().getStatus(),
                    kind, recordId);
        } catch (RuntimeException e) {
            // refused connection, timeout: the registry is not answering as it should
            failure = e;
            LOG.warnf("beneficiary-service did not take the access-log entry of %s %s: %s", kind, recordId,
                    e.toString());
        }
        throw new RegistryUnavailable("beneficiary-service, which keeps the access log of this person, is not "
                + "answering; the read cannot be traced, so it is not served. Try again in a moment", retryAfter,
                failure);
    }
}
