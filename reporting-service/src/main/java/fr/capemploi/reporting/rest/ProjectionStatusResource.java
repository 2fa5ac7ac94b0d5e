package fr.capemploi.reporting.rest;

import fr.capemploi.platform.consumer.FeedLag;
import fr.capemploi.platform.security.Roles;
import fr.capemploi.reporting.service.ProjectionGenerations;
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
    private final ProjectionGenerations generations;

    public ProjectionStatusResource(FeedLag lag, ProjectionGenerations generations) {
        this.lag = lag;
        this.generations = generations;
    }

    @Schema(name = "ProjectionStatus")
    public record ProjectionStatus(
            @Schema(description = "The generation of projections answering queries") int activeGeneration,
            @Schema(description = "The last rebuild, if any") ProjectionGenerations.Rebuild lastRebuild,
            @Schema(description = "Lag of the active generation") long totalLag,
            List<PartitionStatus> partitions) {
    }

    @Schema(name = "PartitionStatus")
    public record PartitionStatus(
            @Schema(examples = "reporting-service.structures.g1") String projection,
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
        String activeSuffix = generations.active().consumerSuffix();
        long activeLag = partitions.stream().filter(p -> p.projection().endsWith(activeSuffix))
                .mapToLong(PartitionStatus::lag).sum();
        return new ProjectionStatus(generations.active().number(), generations.lastRebuild().orElse(null), activeLag,
                partitions);
    }
}
