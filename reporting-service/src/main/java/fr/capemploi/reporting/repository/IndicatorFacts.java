package fr.capemploi.reporting.repository;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the indicator catalogue ({@link IndicatorCatalogue}, SQL resources under {@code indicators/}) over the
 * projections of a generation. Every query starts from the scope's structures ({@code scope_structures}) and those
 * registered by the period's end ({@code reg}); a fact belongs to a period by its business date, and is seen only
 * if recorded by {@code asOf}.
 */
@ApplicationScoped
public class IndicatorFacts {

    /**
     * What {@link #share} worked out for one scope and period in the current transaction: the shared sets now read
     * from temporary tables, the structures registered by the period's end (the coverage denominator), and whether
     * the pre-aggregates answer exactly ({@code current}: whole months, nothing they count recorded after asOf), or
     * those declared exact as of a past asOf do ({@code pastReady}: whole months, asOf after the period's end, few
     * people with facts recorded after asOf).
     */
    public record SharedSets(Set<String> tables, long registered, boolean current, boolean pastReady) {
    }

    private final IndicatorCatalogue catalogue = IndicatorCatalogue.fromClasspath();

    private final SnapshotConnections connections;
    private final TransactionSynchronizationRegistry transactions;
    private final String workMem;
    private final Duration statementTimeout;
    private final long latePeopleLimit;

    /**
     * @param latePeopleLimit above this many people with facts recorded after a past asOf that can move them in the
     *        period (fragment {@code late-people}), the people's pre-aggregates are not used for that asOf: each of
     *        them is worked out again from the facts by index, which past some tens of thousands costs more than
     *        the exact path's scans of the whole period
     */
    public IndicatorFacts(SnapshotConnections connections, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "reporting.query.work-mem", defaultValue = "64MB") String workMem,
            @ConfigProperty(name = "reporting.query.statement-timeout", defaultValue = "120s")
            Duration statementTimeout,
            @ConfigProperty(name = "reporting.query.late-people-limit", defaultValue = "20000") long latePeopleLimit) {
        this.connections = connections;
        this.transactions = transactions;
        this.workMem = workMem;
        this.statementTimeout = statementTimeout;
        this.latePeopleLimit = latePeopleLimit;
    }

    /**
     * Starts the current transaction as an answer's read: at repeatable read, so that every statement of the answer
     * reads the one state committed when its first statement ran (the connections sharing its snapshot import that
     * same state); its sorts and hashes get {@code workMem} (PostgreSQL's 4 MB default makes every national query
     * spill to disk), and each query a plan made for its own values: the driver reuses a statement it has seen a few
     * times, and PostgreSQL may then switch to a generic plan, blind to the scope (national or one structure) and to
     * the period. Each statement may run {@code reporting.query.statement-timeout} at most: PostgreSQL then stops it
     * and the caller gets 503 {@code query-timeout} (an exact past asOf at national scope over a million people can
     * take minutes) instead of the work going on for an answer nobody will read. All of it reverts at the end of the
     * transaction. Must come before any other statement of the
     * transaction (PostgreSQL refuses to change the isolation afterwards); a second call in the same transaction (an
     * answer made of several computations) does nothing.
     */
    public void beginRead() {
        if (transactions.getResource(READ_BEGUN) != null) {
            return;
        }
        SnapshotConnections.Statements own = connections.own();
        own.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", Map.of());
        own.query(setUp(), Map.of());
        transactions.putResource(READ_BEGUN, Boolean.TRUE);
    }

    private static final Object READ_BEGUN = IndicatorFacts.class.getName() + ".readBegun";

    private String setUp() {
        return ProjectionSql.transactionSettings(Map.of("work_mem", workMem, "plan_cache_mode", "force_custom_plan",
                "statement_timeout", Long.toString(statementTimeout.toMillis())));
    }

    /**
     * Every indicator of {@code indicators} for one scope and period, the independent queries side by side on
     * connections sharing the request's snapshot ({@link SnapshotConnections}): the indicators that read shared sets
     * in groups, each group working out its sets once on the connection that computes it (temporary tables are a
     * connection's own), the others one by one.
     */
    public List<IndicatorValue> computeAll(Generation generation, List<Indicator> indicators, Scope scope,
            ReportingPeriod period, Instant asOf) {
        SnapshotConnections.Statements own = connections.own();
        Map<String, Object> parameters = parameters(scope, period, asOf);
        Paths paths = paths(own, generation, period, asOf, parameters);
        boolean current = paths.current();
        boolean pastReady = paths.pastReady();
        long registered = registered(own, generation, parameters);
        SharedSets none = new SharedSets(Set.of(), registered, current, pastReady);
        List<SnapshotConnections.Task<List<IndicatorValue>>> tasks = new ArrayList<>();
        List<Indicator> alone = new ArrayList<>();
        Map<Set<String>, List<Indicator>> bySets = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            Set<String> sets = new TreeSet<>(catalogue.sharedSets(List.of(indicator), current, pastReady).stream()
                    .map(IndicatorCatalogue.Part::name).toList());
            if (sets.isEmpty()) {
                alone.add(indicator);
            } else {
                bySets.computeIfAbsent(sets, k -> new ArrayList<>()).add(indicator);
            }
        }
        // the groups first: their sets are the longest work of the request
        for (List<Indicator> group : groups(bySets)) {
            tasks.add(statements -> {
                SharedSets filled = fill(statements, generation, group, parameters, registered, current,
                        pastReady);
                return group.stream().map(i -> compute(statements, generation, i, scope, period, asOf, filled))
                        .toList();
            });
        }
        for (Indicator indicator : alone) {
            tasks.add(statements -> List.of(compute(statements, generation, indicator, scope, period, asOf, none)));
        }
        Map<Indicator, IndicatorValue> byIndicator = new EnumMap<>(Indicator.class);
        connections.run(tasks, setUp())
                .forEach(values -> values.forEach(value -> byIndicator.put(value.indicator(), value)));
        return indicators.stream().map(byIndicator::get).toList();
    }

    /**
     * The indicators reading shared sets in groups that share no set: each set is worked out once, on the connection
     * of its group (a set worked out on two connections costs its whole scan twice, which two shared cores cannot
     * hide).
     */
    static List<List<Indicator>> groups(Map<Set<String>, List<Indicator>> bySets) {
        List<Set<String>> groupSets = new ArrayList<>();
        List<List<Indicator>> groups = new ArrayList<>();
        for (Map.Entry<Set<String>, List<Indicator>> signature : bySets.entrySet()) {
            Set<String> sets = new TreeSet<>(signature.getKey());
            List<Indicator> members = new ArrayList<>(signature.getValue());
            // every group sharing a set with this one joins it
            for (int g = groupSets.size() - 1; g >= 0; g--) {
                if (!Collections.disjoint(groupSets.get(g), sets)) {
                    sets.addAll(groupSets.remove(g));
                    members.addAll(0, groups.remove(g));
                }
            }
            groupSets.add(sets);
            groups.add(members);
        }
        return groups;
    }

    /**
     * One indicator over several scopes or periods, each on its own (its sets worked out for it), side by side on
     * connections sharing the request's snapshot: a series, a comparison of regions.
     */
    public List<IndicatorValue> computeEach(Generation generation, Indicator indicator, List<Scope> scopes,
            List<ReportingPeriod> periods, Instant asOf) {
        List<SnapshotConnections.Task<IndicatorValue>> tasks = new ArrayList<>();
        for (Scope scope : scopes) {
            for (ReportingPeriod period : periods) {
                tasks.add(statements -> compute(statements, generation, indicator, scope, period, asOf,
                        share(statements, generation, List.of(indicator), scope, period, asOf)));
            }
        }
        return connections.run(tasks, setUp());
    }

    /**
     * Works out, once for the given scope and period, the shared sets that {@code indicators} read, into temporary
     * tables dropped at the end of the transaction (or replaced by the next call, for the next period of a series).
     * The indicators are then computed with {@link #compute(Generation, Indicator, Scope, ReportingPeriod, Instant,
     * SharedSets)} in the same transaction.
     */
    public SharedSets share(Generation generation, List<Indicator> indicators, Scope scope, ReportingPeriod period,
            Instant asOf) {
        return share(connections.own(), generation, indicators, scope, period, asOf);
    }

    private SharedSets share(SnapshotConnections.Statements statements, Generation generation,
            List<Indicator> indicators, Scope scope, ReportingPeriod period, Instant asOf) {
        Map<String, Object> parameters = parameters(scope, period, asOf);
        Paths paths = paths(statements, generation, period, asOf, parameters);
        return fill(statements, generation, indicators, parameters, registered(statements, generation, parameters),
                paths.current(), paths.pastReady());
    }

    private SharedSets fill(SnapshotConnections.Statements statements, Generation generation,
            List<Indicator> indicators, Map<String, Object> parameters, long registered, boolean current,
            boolean pastReady) {
        Set<String> filled = new LinkedHashSet<>();
        // in dependency order: the sets filled so far feed the next ones (accompanied people from the active
        // accompaniments); the indicators the pre-aggregates answer read theirs (people per structure and line)
        for (IndicatorCatalogue.Part set : catalogue.sharedSets(indicators, current, pastReady)) {
            String table = IndicatorCatalogue.table(set.name());
            statements.execute("DROP TABLE IF EXISTS " + table, Map.of());
            statements.execute("CREATE TEMPORARY TABLE indicator_" + set.name() + " ("
                    + set.columns().orElseThrow() + ") ON COMMIT DROP", Map.of());
            statements.execute(generation.sql("INSERT INTO " + table + " " + catalogue.fill(set, filled)),
                    parameters);
            statements.execute("ANALYZE " + table, Map.of());
            filled.add(set.name());
        }
        return new SharedSets(Set.copyOf(filled), registered, current, pastReady);
    }

    private long registered(SnapshotConnections.Statements statements, Generation generation,
            Map<String, Object> parameters) {
        return ((Number) statements.query(generation.sql(catalogue.registered()), parameters).get(0).get("n"))
                .longValue();
    }

    /** Which pre-aggregates answer: those kept as of now ({@code current}), or those declared exact as of a past asOf. */
    record Paths(boolean current, boolean pastReady) {
    }

    /**
     * Whether the pre-aggregates give what the facts would: they count whole months, as they stand now, so the
     * period must be whole months and asOf must not precede the recording of anything they count (the latest of the
     * delays; {@code monthly_fact}'s, the items' and the referent rows', kept beside them by the folds,
     * {@code pre_aggregate_recorded}: the latest a fold wrote, never earlier than the rows');
     * and every fact the answer's state holds must be folded into them: a note still waiting for its fold in that
     * state (the live channel commits its notes and folds them in a transaction of their own,
     * {@code reporting.projection.fold}) means facts the pre-aggregates do not count yet, and the answer takes the
     * exact path (the read settles the notes committed before it begins, so this is a batch committed in between).
     * Else, as of a past asOf, the sets declared exact then ({@link #pastReady}); else the exact path, over the facts
     * with their recording times.
     */
    private Paths paths(SnapshotConnections.Statements statements, Generation generation, ReportingPeriod period,
            Instant asOf, Map<String, Object> parameters) {
        if (!wholeMonths(period)) {
            return new Paths(false, false);
        }
        Map<String, Object> row = statements.query(generation.sql(
                "SELECT coalesce((SELECT max(recorded_max) FROM {schema}.delay_day) <= :asOf, TRUE) "
                        + "AND " + preAggregatesRecordedBy(statements, generation) + " AS current, "
                        + PreAggregateNotes.NOTED + " AS pending"),
                Map.of("asOf", asOf)).get(0);
        if (!Boolean.FALSE.equals(row.get("pending"))) {
            return new Paths(false, false);
        }
        if (Boolean.TRUE.equals(row.get("current"))) {
            return new Paths(true, false);
        }
        return new Paths(false, pastReady(statements, generation, period, asOf, parameters));
    }

    /**
     * Whether {@code monthly_fact}, {@code member_item} and {@code referent_item} count nothing recorded after asOf:
     * their latest recordings as the folds keep them beside them (V16, V17). A generation built before the projection
     * schema's baseline is never migrated and answers, unfed, until its rebuild is switched to
     * (ProjectionGenerations.start): it has no such table (each answer's check failed on it, every whole-month answer
     * with it), and the tables' latest recordings are read from their rows, as before V16 (indexes of their own kept
     * them then).
     */
    private static String preAggregatesRecordedBy(SnapshotConnections.Statements statements, Generation generation) {
        boolean keptBeside = Boolean.TRUE.equals(statements.query("SELECT to_regclass(:table) IS NOT NULL AS kept",
                Map.of("table", generation.sql("{schema}.pre_aggregate_recorded"))).get(0).get("kept"));
        return keptBeside
                ? "NOT EXISTS (SELECT 1 FROM {schema}.pre_aggregate_recorded r WHERE r.recorded_max > :asOf)"
                : "coalesce((SELECT max(recorded_max) FROM {schema}.monthly_fact) <= :asOf, TRUE) "
                        + "AND coalesce((SELECT max(recorded) FROM {schema}.member_item) <= :asOf, TRUE) "
                        + "AND coalesce((SELECT max(recorded) FROM {schema}.referent_item) <= :asOf, TRUE)";
    }

    private static boolean wholeMonths(ReportingPeriod period) {
        return period.start().getDayOfMonth() == 1
                && period.end().equals(period.end().withDayOfMonth(period.end().lengthOfMonth()));
    }

    /**
     * Whether the sets declared exact as of a past asOf ({@code members}) answer for this one: they count whole
     * months; and, a matter of cost, not of result, asOf lies after the period's last day (within the period every
     * person met in its remaining days has facts recorded after asOf) and the people to work out again from their
     * facts (fragment {@code late-people}) are at most {@code reporting.query.late-people-limit}.
     */
    private boolean pastReady(SnapshotConnections.Statements statements, Generation generation,
            ReportingPeriod period, Instant asOf, Map<String, Object> parameters) {
        if (!wholeMonths(period) || asOf.isBefore(BusinessDay.startOf(period.end().plusDays(1)))) {
            return false;
        }
        Object late = statements.query(generation.sql(catalogue.with(List.of("late-people"), Optional.empty(),
                Set.of()) + "SELECT count(*) AS n FROM late_people"), parameters).get(0).get("n");
        return ((Number) late).longValue() <= latePeopleLimit;
    }

    /** One indicator on its own: works out the sets it needs, then computes it. */
    public IndicatorValue compute(Generation generation, Indicator indicator, Scope scope, ReportingPeriod period,
            Instant asOf) {
        return compute(generation, indicator, scope, period, asOf,
                share(generation, List.of(indicator), scope, period, asOf));
    }

    /** @param shared {@link #share} for the same scope, period and asOf, worked out once for many indicators */
    public IndicatorValue compute(Generation generation, Indicator indicator, Scope scope, ReportingPeriod period,
            Instant asOf, SharedSets shared) {
        return compute(connections.own(), generation, indicator, scope, period, asOf, shared);
    }

    /**
     * The same over the facts whatever asOf, never the pre-aggregates: what they must equal
     * ({@code IndicatorPathsEqualityTest}).
     */
    IndicatorValue computeExactly(Generation generation, Indicator indicator, Scope scope, ReportingPeriod period,
            Instant asOf, SharedSets shared) {
        return compute(connections.own(), generation, indicator, scope, period, asOf,
                new SharedSets(shared.tables(), shared.registered(), false, false));
    }

    /**
     * Which pre-aggregates answer this scope, period and asOf: those kept as of now, or the sets declared exact as of
     * a past asOf — the decision an answer makes once.
     */
    Paths paths(Generation generation, Scope scope, ReportingPeriod period, Instant asOf) {
        return paths(connections.own(), generation, period, asOf, parameters(scope, period, asOf));
    }

    /**
     * Whether {@code indicator} is answered by the pre-aggregates declared exact as of a past asOf, where
     * {@link Paths#pastReady} holds (that decision, a count of the late people, is the scope's, not the indicator's).
     */
    boolean pastAggregated(Indicator indicator) {
        return catalogue.answersNow(indicator, false, true);
    }

    /** {@link #share} for the exact path, whatever asOf. */
    SharedSets shareExactly(Generation generation, List<Indicator> indicators, Scope scope, ReportingPeriod period,
            Instant asOf) {
        SnapshotConnections.Statements own = connections.own();
        Map<String, Object> parameters = parameters(scope, period, asOf);
        return fill(own, generation, indicators, parameters, registered(own, generation, parameters), false, false);
    }

    private IndicatorValue compute(SnapshotConnections.Statements statements, Generation generation,
            Indicator indicator, Scope scope, ReportingPeriod period, Instant asOf, SharedSets shared) {
        IndicatorCatalogue.Entry entry = catalogue.entry(indicator);
        Map<String, Object> parameters = new HashMap<>(parameters(scope, period, asOf));
        parameters.putAll(entry.parameters());
        // the fragment `facts` takes back the rows recorded after asOf only when some may be (a past asOf)
        parameters.put("late", !shared.current());
        boolean now = catalogue.answersNow(indicator, shared.current(), shared.pastReady());
        Map<String, Object> row = statements.query(generation.sql(now
                ? catalogue.nowMain(indicator, shared.tables()) : catalogue.main(indicator, shared.tables())),
                parameters).get(0);
        Optional<String> breakdown = now ? catalogue.nowBreakdown(indicator, shared.tables())
                : catalogue.breakdown(indicator, shared.tables());
        List<Map<String, Object>> parts = breakdown.isPresent()
                ? statements.query(generation.sql(breakdown.get()), parameters) : List.of();
        return value(indicator, row, parts, shared.registered());
    }

    /**
     * The value from the rows the queries answer: the main query's {@code num}, {@code den} and {@code contributing},
     * the breakdown's {@code key}, {@code num} and {@code den}; {@code registered}: the coverage's denominator.
     */
    static IndicatorValue value(Indicator indicator, Map<String, Object> row, List<Map<String, Object>> breakdown,
            long registered) {
        BigDecimal numerator = decimal(row.get("num"));
        BigDecimal denominator = decimal(row.get("den"));
        List<IndicatorValue.Part> parts = new ArrayList<>();
        for (Map<String, Object> part : breakdown) {
            BigDecimal partNumerator = decimal(part.get("num"));
            BigDecimal partDenominator = decimal(part.get("den"));
            parts.add(new IndicatorValue.Part(String.valueOf(part.get("key")),
                    IndicatorValue.valueOf(indicator.unit(), partNumerator, partDenominator), partNumerator,
                    partDenominator));
        }
        return new IndicatorValue(indicator, IndicatorValue.valueOf(indicator.unit(), numerator, denominator),
                numerator, denominator,
                new IndicatorValue.Coverage(((Number) row.get("contributing")).longValue(), registered), parts);
    }

    static Map<String, Object> parameters(Scope scope, ReportingPeriod period, Instant asOf) {
        return Map.of("kind", scope.kind().name(), "scopeId", scope.id(), "ps", period.start(), "pe", period.end(),
                "asOf", asOf);
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() < 0 ? decimal.setScale(0) : decimal.stripTrailingZeros();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().scale() < 0 ? BigDecimal.valueOf(d).setScale(0)
                    : BigDecimal.valueOf(d).stripTrailingZeros();
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }
}
