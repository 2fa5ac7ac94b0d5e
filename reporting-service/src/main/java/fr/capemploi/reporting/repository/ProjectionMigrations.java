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
 * {@code B13} is the whole schema as a baseline migration, applied to a new generation only; a new migration of the
 * projections is a file {@code V14__…}, {@code V15__…} under {@code projections/migration/} and a line here.
 */
final class ProjectionMigrations implements ResourceProvider {

    static final String LOCATION = "projections/migration/";

    private static final String BASELINE = "B13__projection_schema.sql";

    /** The baseline's version: a generation whose history stops below it cannot be migrated (it is rebuilt). */
    static final String BASELINE_VERSION = BASELINE.substring(1, BASELINE.indexOf("__"));

    static final List<String> FILES = List.of(
            BASELINE,
            "V14__notes_outlive_their_batch.sql",
            "V15__recomputation_clears_the_notes.sql",
            "V16__counters_updated_in_place.sql",
            "V17__latest_recordings_kept_beside_the_items.sql",
            "V18__recomputation_planned_for_everyone.sql",
            "V19__folds_read_by_index_whatever_the_plan_saw.sql",
            "V20__rebuild_defers_every_index_only_answers_read.sql",
            "V21__recomputation_inlined_and_counted_by_key.sql",
            "V22__each_refresh_recounts_its_own_recordings.sql",
            "V23__recomputation_planned_once_sorted_once.sql");

    private final List<String> files;

    ProjectionMigrations() {
        this(FILES);
    }

    /** Other files of {@link #LOCATION} (a test's later migration). */
    ProjectionMigrations(List<String> files) {
        this.files = files;
    }

    @Override
    public LoadableResource getResource(String name) {
        return files.contains(name) ? new Migration(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return files.stream().filter(f -> f.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(f::endsWith))
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
