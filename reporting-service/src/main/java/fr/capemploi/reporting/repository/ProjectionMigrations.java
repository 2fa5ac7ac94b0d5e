package fr.capemploi.reporting.repository;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migrations of a generation's schema, handed to Flyway by name: the Quarkus extension resolves at build time
 * only the locations of the service's own database, so a second set of migrations cannot be found by scanning.
 * A new migration of the projections is a file under {@code projections/migration/} and a line here.
 */
final class ProjectionMigrations implements ResourceProvider {

    static final String LOCATION = "projections/migration/";

    static final List<String> FILES = List.of(
            "V1__projection_tables.sql",
            "V2__monthly_facts.sql",
            "V3__monthly_fact_changes.sql",
            "V4__people_and_delay_aggregates.sql",
            "V5__people_and_delays_per_batch.sql",
            "V6__funding_projects.sql",
            "V7__referent_items_per_accompaniment.sql",
            "V8__people_and_delays_summed.sql",
            "V9__exact_path_indexes.sql",
            "V10__late_facts_by_recording_lag.sql",
            "V11__late_counts_by_recording_lag.sql",
            "V12__folds_planned_once.sql",
            "V13__upkeep_per_kind_of_change.sql");

    /**
     * The migrations that only add indexes the indicator queries read (the exact path "as of" a past date), never the
     * projections' statements nor the pre-aggregates' folds: a generation being rebuilt is fed without them and
     * builds them once caught up ({@code GenerationRepository.restoreUpkeep}). The thirteen recording-lag indexes of
     * V10 and V11 alone cost ingestion 15 % of its rate (bench/README.md). A migration of this list holds
     * {@code CREATE INDEX} statements only; a later one dropping or replacing one of them must say {@code IF EXISTS}.
     */
    static final List<String> QUERY_INDEXES = List.of(
            "V9__exact_path_indexes.sql",
            "V10__late_facts_by_recording_lag.sql",
            "V11__late_counts_by_recording_lag.sql");

    @Override
    public LoadableResource getResource(String name) {
        return FILES.contains(name) ? new Migration(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return FILES.stream().filter(f -> f.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(f::endsWith))
                .<LoadableResource>map(Migration::new).toList();
    }

    private static final class Migration extends LoadableResource {

        private final String file;

        Migration(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = ProjectionMigrations.class.getClassLoader().getResourceAsStream(LOCATION + file);
            if (in == null) {
                throw new IllegalStateException(LOCATION + file + " is missing");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return LOCATION + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return LOCATION + file;
        }
    }
}
