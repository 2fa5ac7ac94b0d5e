package fr.capemploi.reporting.rest;

import fr.capemploi.platform.consumer.FeedLag;
import fr.capemploi.platform.security.Roles;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.messaging.PreAggregateFolds;
import fr.capemploi.reporting.service.ProjectionGenerations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projections/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projections")
public class ProjectionStatusResource {

    /** Consumer names end with their generation ({@code reporting-service.structures.g2}). */
    private static final Pattern GENERATION = Pattern.compile("\\.g([0-9]+)$");

    private final FeedLag lag;
    private final ProjectionGenerations generations;
    private final PreAggregateFolds folds;

    public ProjectionStatusResource(FeedLag lag, ProjectionGenerations generations, PreAggregateFolds folds) {
        this.lag = lag;
        this.generations = generations;
        this.folds = folds;
    }

    public enum Role { ACTIVE, REBUILDING, RETIRED }

    @Schema(name = "ProjectionStatus")
    public record ProjectionStatus(
            @Schema(description = "The generation of projections answering queries") int activeGeneration,
            @Schema(description = "The last rebuild, if any") ProjectionGenerations.Rebuild lastRebuild,
            @Schema(description = "Whether the broker answered; when not, end offsets and lags are null (unknown) and "
                    + "the offsets are those stored with the projections") boolean brokerAvailable,
            @Schema(description = "Lag of the active generation; null when the broker did not answer") Long totalLag,
            @Schema(description = "Notes of facts the active generation has applied that are not yet folded into its "
                    + "pre-aggregates (folded in a transaction of their own after the facts'); caught up means "
                    + "totalLag and this both 0. Answers read no pre-aggregate missing a fact applied before they "
                    + "began, whatever this says") long unfoldedNotes,
            @Schema(description = "The generation being rebuilt, if a rebuild is in progress") Integer rebuildingGeneration,
            @Schema(description = "Events the rebuilding generation still has to apply; null when no rebuild is in "
                    + "progress or the broker did not answer") Long rebuildLag,
            @Schema(maxItems = 1000) List<PartitionStatus> partitions) {
    }

    @Schema(name = "PartitionStatus")
    public record PartitionStatus(
            @Schema(maxLength = 4000, examples = "reporting-service.structures.g1") String projection,
            @Schema(description = "Generation the projection belongs to", examples = "1") int generation,
            @Schema(description = "What that generation does") Role role,
            @Schema(maxLength = 249, examples = "beneficiary.events") String topic,
            int partition,
            @Schema(description = "Next offset to apply (stored with the projection)") long offset,
            @Schema(description = "End of the partition; null when the broker did not answer") Long endOffset,
            @Schema(description = "Events left to apply; null when the broker did not answer") Long lag,
            @Schema(description = "Recording time of the last event applied") Instant lastEventAt) {
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Per generation, topic and partition: offset reached, lag and time of the last event applied",
            description = "Answers while the broker is away, from the positions stored with the projections (end "
                    + "offsets and lags null). During a rebuild, the rebuilding generation's partitions are listed too "
                    + "and its lag is given apart from the active one's.")
    public ProjectionStatus status() {
        // one look at the roles and the feeds that go with them: a switch in progress shows as not yet made
        ProjectionGenerations.Roles roles = generations.roles();
        Generation activeGeneration = roles.active();
        int active = activeGeneration.number();
        Optional<Integer> rebuilding = roles.rebuilding();
        FeedLag.Snapshot snapshot = lag.snapshot(roles.feeds());
        List<FeedLag.PartitionLag> measured = snapshot.partitions();
        List<PartitionStatus> partitions = measured.stream().map(p -> {
            int generation = generationOf(p.consumer());
            Role role = generation == active ? Role.ACTIVE
                    : rebuilding.isPresent() && rebuilding.get() == generation ? Role.REBUILDING : Role.RETIRED;
            return new PartitionStatus(p.consumer(), generation, role, p.topic(), p.partition(), p.offset(),
                    p.endKnown() ? p.endOffset() : null, p.endKnown() ? p.lag() : null, p.lastEventAt());
        }).toList();
        boolean brokerAvailable = snapshot.brokerAnswered() && measured.stream().allMatch(FeedLag.PartitionLag::endKnown);
        Long rebuildLag = rebuilding.isEmpty() ? null : lagOf(partitions, Role.REBUILDING, brokerAvailable);
        return new ProjectionStatus(active, roles.lastRebuild(), brokerAvailable,
                lagOf(partitions, Role.ACTIVE, brokerAvailable), folds.unfolded(activeGeneration),
                rebuilding.orElse(null), rebuildLag, partitions);
    }

    private static Long lagOf(List<PartitionStatus> partitions, Role role, boolean known) {
        return known ? partitions.stream().filter(p -> p.role() == role).mapToLong(PartitionStatus::lag).sum() : null;
    }

    private static int generationOf(String consumer) {
        Matcher matcher = GENERATION.matcher(consumer);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
