package fr.capemploi.reporting.messaging;

import fr.capemploi.events.CanonicalTimes;
import fr.capemploi.events.DomainEvent;
import fr.capemploi.platform.consumer.TypedProjection;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.repository.CopyRows;
import fr.capemploi.reporting.repository.ProjectionSql;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A projection writing into the tables of one generation. Its statements are queued while a batch of events is
 * applied and sent when the batch ends as a few JDBC batches (one round trip each instead of one per statement):
 * see {@link #inRounds}. Projections only write while applying, so nothing reads a queued change before it is sent.
 * A statement the driver cannot send as one multi-row statement (an {@code INSERT … SELECT}, a recomputation
 * with a {@code WITH}) is queued as a row of a set-based statement instead ({@link #sqlRows}): the rows of one
 * round go as one statement over arrays. What the batch's statements noted for the pre-aggregates
 * ({@code monthly_fact}, the people's items and counters, the delays' histogram) is folded once per transaction,
 * after the statements of every projection of the generation ({@link GenerationBatch}, migrations V3 and V5). The
 * rows of the append-only tables (one row per event, never read by the batch's other statements) go by one COPY per
 * table and batch instead ({@link #copy}).
 */
abstract class GenerationProjection extends TypedProjection {

    private final Generation generation;
    private final EntityManager entityManager;
    private final Map<String, String> resolved = new HashMap<>();
    private List<Queued> queued = new ArrayList<>();
    private Map<String, CopyRows> copies = new LinkedHashMap<>();
    private final Set<String> setBased = new HashSet<>();
    private final GenerationBatch batch;
    private UUID currentKey;

    GenerationProjection(String name, String topic, Generation generation, EntityManager entityManager,
            GenerationBatch batch) {
        super(name, topic);
        this.generation = generation;
        this.entityManager = entityManager;
        this.batch = batch;
    }

    /** Queues a statement over the generation's tables ({@code {schema}} in the template). */
    protected final void sql(String template, Object... parameters) {
        queued.add(new Queued(currentKey, new ProjectionSql.Statement(
                resolved.computeIfAbsent(template, generation::sql), parameters)));
    }

    /**
     * Queues one row of a set-based statement: a template that reads its rows from arrays, one per parameter
     * ({@code unnest(?::uuid[], ?::timestamptz[])}), each value here being one element. The rows of one round (one
     * per record key, see {@link #inRounds}) are sent as one statement; the template must therefore give each row
     * the result it would have alone, which distinct keys allow (a person's statements are never in one round).
     */
    protected final void sqlRows(String template, Object... row) {
        String sql = resolved.computeIfAbsent(template, generation::sql);
        setBased.add(sql);
        queued.add(new Queued(currentKey, new ProjectionSql.Statement(sql, row)));
    }

    /**
     * Queues one row of an append-only table, e.g. {@code {schema}.interview (event_id, held_on)} and its values in
     * the columns' order: a fact recorded once per event, under a key of its own (the event's id), which none of the
     * batch's statements reads (the tables' triggers only note what the rows bring, folded after the batch). The
     * batch's rows of such a table go by one COPY, before the batch's statements: the same rows, whatever their order,
     * without the multi-row insert's parameters (a dozen bound values a row), its plans, its statement every 128 rows.
     * A row the key refuses (an event applied twice) fails the COPY and the batch, as it failed the insert.
     */
    protected final void copy(String target, Object... row) {
        copies.computeIfAbsent(resolved.computeIfAbsent(target, generation::sql), CopyRows::new)
                .add(row);
    }

    @Override
    protected final void handling(DomainEvent event) {
        currentKey = event.recordKey();
    }

    @Override
    public final void beginBatch() {
        queued.clear();
        copies.clear();
    }

    @Override
    public final void flush() {
        if (queued.isEmpty() && copies.isEmpty()) {
            return;
        }
        try {
            send(copies.values().stream().map(CopyRows::copy).toList(), inRounds(queued, setBased::contains));
        } finally {
            queued.clear();
            copies.clear();
        }
    }

    /** Nothing is sent before {@link #flush}: the replay channel applies the next batch while this one is sent. */
    @Override
    public final boolean queuesUntilFlush() {
        return true;
    }

    /**
     * The batch's statements in rounds, worked out now (on the thread that applied the events), sent later by the
     * channel's applying thread in the batch's transaction; the projection starts a new queue for the next batch.
     */
    @Override
    public final Runnable detachFlush() {
        if (queued.isEmpty() && copies.isEmpty()) {
            return () -> {
            };
        }
        List<ProjectionSql.Copy> copied = copies.values().stream().map(CopyRows::copy).toList();
        List<ProjectionSql.Statement> statements = inRounds(queued, setBased::contains);
        queued = new ArrayList<>();
        copies = new LinkedHashMap<>();
        return () -> send(copied, statements);
    }

    /**
     * A batch's rows and statements, in its transaction, the same way whether sent at once or by the applying thread:
     * the fold deferred before anything is written, so that what the tables' triggers note waits for
     * {@link #completeBatch}.
     */
    private void send(List<ProjectionSql.Copy> copied, List<ProjectionSql.Statement> statements) {
        batch.noted();
        ProjectionSql.copy(entityManager, copied);
        ProjectionSql.updateInRuns(entityManager, statements);
    }

    /** Folds what the statements of every projection of the generation noted in this transaction, once. */
    @Override
    public final void completeBatch() {
        batch.fold();
    }

    /**
     * The batch's statements in rounds: round k holds the k-th statement of each record key, and within a round the
     * same statement goes together, so that a batch of thousands of events is a few dozen runs of one statement.
     * The statements of one key (one person, one structure...) keep their order: they may read what the previous
     * ones wrote. Those of different keys may come in any order, as they already do when their events sit on
     * different partitions: the projections never rely on it (counters are sums, versions are per key).
     */
    static List<ProjectionSql.Statement> inRounds(List<Queued> statements) {
        return inRounds(statements, sql -> false);
    }

    /**
     * {@link #inRounds(List)}, the rows of a set-based statement ({@code setBased}) of one round joined into one
     * statement whose parameters are arrays (a round holds one statement per key: its rows are distinct keys').
     */
    static List<ProjectionSql.Statement> inRounds(List<Queued> statements, Predicate<String> setBased) {
        int count = statements.size();
        int[] rounds = new int[count];
        int[] templateOf = new int[count];
        Map<UUID, Integer> depth = new HashMap<>();
        Map<String, Integer> templates = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Queued q = statements.get(i);
            rounds[i] = depth.merge(q.key(), 1, Integer::sum) - 1;
            templateOf[i] = templates.computeIfAbsent(q.statement().sql(), t -> templates.size());
        }
        int[] sorted = inOrder(rounds, templateOf);
        List<ProjectionSql.Statement> sent = new ArrayList<>(count);
        int i = 0;
        while (i < count) {
            int first = sorted[i];
            ProjectionSql.Statement statement = statements.get(first).statement();
            if (!setBased.test(statement.sql())) {
                sent.add(statement);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < count && rounds[sorted[end]] == rounds[first]
                    && templateOf[sorted[end]] == templateOf[first]) {
                end++;
            }
            List<ProjectionSql.Statement> rows = new ArrayList<>(end - i);
            for (int r = i; r < end; r++) {
                rows.add(statements.get(sorted[r]).statement());
            }
            sent.add(asArrays(rows));
            i = end;
        }
        return sent;
    }

    /** Bits of a statement's place in {@link #inOrder}: its round, its template, its arrival in the batch. */
    private static final int TEMPLATE_BITS = 12;
    private static final int INDEX_BITS = 31;

    /**
     * The statements' indexes by round, then template, then arrival: each place as one number, sorted as numbers (a
     * comparator chain over a record per statement was most of the rounds' time in a rebuild's profile); a batch
     * beyond the numbers' bits is sorted by comparison.
     */
    private static int[] inOrder(int[] rounds, int[] templateOf) {
        int count = rounds.length;
        long[] places = new long[count];
        for (int i = 0; i < count; i++) {
            if (rounds[i] >= 1 << (63 - TEMPLATE_BITS - INDEX_BITS) || templateOf[i] >= 1 << TEMPLATE_BITS) {
                return IntStream.range(0, count).boxed().sorted(Comparator.<Integer>comparingInt(s -> rounds[s])
                        .thenComparingInt(s -> templateOf[s]).thenComparingInt(s -> s)).mapToInt(s -> s).toArray();
            }
            places[i] = (long) rounds[i] << (TEMPLATE_BITS + INDEX_BITS) | (long) templateOf[i] << INDEX_BITS | i;
        }
        Arrays.sort(places);
        int[] sorted = new int[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = (int) (places[i] & Integer.MAX_VALUE);
        }
        return sorted;
    }

    /**
     * Rows as one statement: the i-th parameter becomes the text array of every row's i-th value, which the template
     * casts to its column's type ({@code ?::uuid[]}); text keeps a null a null, and every value the projections
     * bind has a text form PostgreSQL reads back as the same value (an instant in ISO-8601 with its Z, an enum by
     * name).
     */
    private static ProjectionSql.Statement asArrays(List<ProjectionSql.Statement> rows) {
        int width = rows.get(0).parameters().length;
        Object[] columns = new Object[width];
        for (int p = 0; p < width; p++) {
            String[] column = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = text(rows.get(r).parameters()[p]);
            }
            columns[p] = column;
        }
        return new ProjectionSql.Statement(rows.get(0).sql(), columns);
    }

    /** A value's text form; instants and days written by hand, {@code Instant.toString} went through a formatter. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return CanonicalTimes.text(instant);
        }
        if (value instanceof LocalDate day) {
            return CanonicalTimes.text(day);
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** A statement and the record key of the event it comes from (null: keep it in order with the other nulls). */
    record Queued(UUID key, ProjectionSql.Statement statement) {
    }
}
