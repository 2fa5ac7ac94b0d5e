package fr.capemploi.reporting.rest;

import fr.capemploi.platform.consumer.FeedLag;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projections/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projections")
public class ProjectionStatusResource {

    private final FeedLag lag;

    public ProjectionStatusResource(FeedLag lag) {
        this.lag = lag;
    }

    @Schema(name = "ProjectionStatus")
    public record ProjectionStatus(long totalLag, List<PartitionStatus> partitions) {
    }

    @Schema(name = "PartitionStatus")
    public record PartitionStatus(
            @Schema(examples = "reporting-service.structures") String projection,
            @Schema(examples = "beneficiary.events") String topic,
            int partition,
            @Schema(description = "Next offset to apply") long offset,
            long endOffset,
            long lag,
            @Schema(description = "Recording time of the last event applied") Instant lastEventAt) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Per topic and partition: offset reached, lag and time of the last event applied")
    public ProjectionStatus status() {
        List<PartitionStatus> partitions = lag.current().stream()
                .map(p -> new PartitionStatus(p.consumer(), p.topic(), p.partition(), p.offset(), p.endOffset(), p.lag(),
                        p.lastEventAt()))
                .toList();
        return new ProjectionStatus(partitions.stream().mapToLong(PartitionStatus::lag).sum(), partitions);
    }
}
