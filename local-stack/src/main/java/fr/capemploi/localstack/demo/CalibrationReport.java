package fr.capemploi.localstack.demo;

import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.demo.DemoLoad.Target;
import fr.capemploi.localstack.demo.Expectations.Expected;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The end of a demo load: waits until the reporting service has applied every event (projection lag 0 and the
 * figures the generator expects reached, or a time-out), then sets, row by row, the seed's figure, the value
 * expected from the data sent (computed by {@link Expectations}) and the value the service reports — from the CNEFOP
 * report for the survey's rows, from the indicators for the others.
 */
public final class CalibrationReport {

    /** One line of the table. */
    public record Row(Calibration calibration, BigDecimal target, BigDecimal expected, BigDecimal reported) {
        public boolean matchesExpected() {
            return expected != null && reported != null && expected.compareTo(reported) == 0;
        }

        public boolean withinTolerance(double scale) {
            return calibration.withinTolerance(reported, scale);
        }
    }

    /** Declarations counted by the service for a period, out of the structures registered. */
    public record Coverage(String period, long expected, long contributing, long registered) {
    }

    public record Result(double scale, boolean settled, List<Row> rows, List<Coverage> coverage) {
        public boolean allWithinTolerance() {
            return rows.stream().allMatch(r -> r.matchesExpected() && r.withinTolerance(scale));
        }
    }

    private static final Set<String> PERIODS = Set.of("2015", "2016", "2016-H1");
    private static final Set<String> SURVEY_PERIODS = Set.of("2015", "2016-H1");

    private final Target target;
    private final NetworkPlan plan;
    private final DemoHttp http;
    private final Map<String, Map<String, Expected>> expected = new HashMap<>();

    CalibrationReport(Target target, NetworkPlan plan, DemoHttp http) {
        this.target = target;
        this.http = http;
        this.plan = plan;
        Expectations expectations = new Expectations(plan);
        PERIODS.forEach(p -> expected.put(p, expectations.forPeriod(p)));
    }

    public Map<String, Expected> expected(String period) {
        return expected.get(period);
    }

    /** Events the services have published so far: the end offsets of the three topics. */
    public long publishedEvents() {
        Map<String, Long> ends = new TreeMap<>();
        for (JsonValue p : status().getJsonArray("partitions")) {
            JsonObject partition = p.asJsonObject();
            String topic = partition.getString("topic");
            if (!topic.endsWith(".dlq")) {
                ends.merge(topic + "/" + partition.getInt("partition"),
                        partition.getJsonNumber("endOffset").longValue(), Math::max);
            }
        }
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Lag of the active projections; -1 while some topic has no assigned partition yet or the lag is unknown. */
    public long lag() {
        JsonObject status = status();
        Set<String> topics = new java.util.HashSet<>();
        status.getJsonArray("partitions").forEach(p -> topics.add(p.asJsonObject().getString("topic")));
        if (!topics.containsAll(List.of("beneficiary.events", "cep.events", "cpf.events"))) {
            return -1;
        }
        // null while the broker does not answer: unknown, not caught up
        return status.get("totalLag") == null || status.isNull("totalLag") ? -1 : status.getJsonNumber("totalLag").longValue();
    }

    private JsonObject status() {
        return http.get(target.uri(SuiteService.REPORTING, "/api/v1/projections/status"), analyst()).object();
    }

    /**
     * Polls until the service reports what the generator expects (lag 0 first), at most {@code timeout}. The lag (one
     * status read) is polled every half second and the table (three periods of indicators) read only once it is 0:
     * the wait ends within half a second of the figures being there, not up to 2 s later (the system tests wait for
     * two loads on the path of their longer fork).
     */
    public Result await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Result result = new Result(plan.scale(), false, List.of(), List.of());
        while (true) {
            boolean caughtUp = lag() == 0;
            boolean late = System.nanoTime() > deadline;
            if (caughtUp || late) {
                result = read(caughtUp);
                if (caughtUp && result.rows().stream().allMatch(Row::matchesExpected)
                        && result.coverage().stream().allMatch(c -> c.expected() == c.contributing())) {
                    return result;
                }
                if (late) {
                    return new Result(result.scale(), false, result.rows(), result.coverage());
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    /** The table as the service answers now. */
    public Result read(boolean settled) {
        Map<String, Map<String, BigDecimal>> reported = new HashMap<>();
        Map<String, long[]> declared = new HashMap<>();
        for (String period : PERIODS) {
            Map<String, BigDecimal> values = new HashMap<>();
            JsonObject indicators = http.get(target.uri(SuiteService.REPORTING, "/api/v1/indicators?period=" + period),
                    analyst()).object();
            for (JsonValue v : indicators.getJsonArray("indicators")) {
                values.put(v.asJsonObject().getString("id"), number(v.asJsonObject().get("value")));
                if ("declared-fte-total".equals(v.asJsonObject().getString("id"))) {
                    JsonObject coverage = v.asJsonObject().getJsonObject("coverage");
                    declared.put(period, new long[] {coverage.getJsonNumber("contributing").longValue(),
                            coverage.getJsonNumber("registered").longValue()});
                }
            }
            if (SURVEY_PERIODS.contains(period)) {
                // the survey's rows as the CNEFOP report gives them
                JsonObject report = http.get(target.uri(SuiteService.REPORTING, "/api/v1/reports/cnefop/" + period),
                        analyst()).object();
                if (report.containsKey("rows")) {
                    for (JsonValue row : report.getJsonArray("rows")) {
                        values.put(row.asJsonObject().getString("indicatorId"),
                                number(row.asJsonObject().get("value")));
                    }
                }
            }
            reported.put(period, values);
        }
        List<Row> rows = new ArrayList<>();
        for (Calibration c : Calibration.ROWS) {
            Expected e = expected.get(c.period()).get(c.indicatorId());
            rows.add(new Row(c, c.target(plan.scale()), e == null ? null : e.value(),
                    reported.get(c.period()).get(c.indicatorId())));
        }
        List<Coverage> coverage = new ArrayList<>();
        for (String period : List.of("2016-H1", "2015")) {
            long[] c = declared.getOrDefault(period, new long[2]);
            coverage.add(new Coverage(period, expected.get(period).get("declarations").value().longValue(), c[0],
                    c[1]));
        }
        return new Result(plan.scale(), settled, rows, coverage);
    }

    private String analyst() {
        return target.tokens().mint("analyst");
    }

    private static BigDecimal number(JsonValue value) {
        return value instanceof JsonNumber n ? n.bigDecimalValue() : null;
    }

    /** The French table: row | seed | expected from the data sent | reported by the service | ✓/✗. */
    public static void print(Result result, PrintStream out) {
        String format = "%-50s %-9s %12s %12s %12s  %s%n";
        out.printf(Locale.ROOT, format, "Ligne", "Période", "Graine", "Attendu", "Publié", "Tolérance");
        out.println("-".repeat(110));
        Map<String, String> periodLabels = new LinkedHashMap<>();
        periodLabels.put("2016-H1", "2016 (6m)");
        periodLabels.put("2016", "2016");
        periodLabels.put("2015", "2015");
        for (Row row : result.rows()) {
            Calibration c = row.calibration();
            boolean percent = c.kind() == Calibration.Kind.PERCENT;
            boolean ok = row.matchesExpected() && row.withinTolerance(result.scale());
            String mark = ok ? "✓" : "✗" + (row.matchesExpected() ? " (hors tolérance)" : " (≠ attendu)");
            // figures written as the seed writes them (711,70 with two decimals), so the columns compare at a glance
            int decimals = percent || row.target() == null ? -1 : Math.max(0, row.target().scale());
            out.printf(Locale.ROOT, format, c.label(), periodLabels.get(c.period()),
                    french(row.target(), percent, decimals), french(row.expected(), percent, decimals),
                    french(row.reported(), percent, decimals), mark);
        }
        for (Coverage c : result.coverage()) {
            out.printf(Locale.ROOT, "Données obtenues sur %d retours de Cap emploi (sur %d) pour %s ; attendu %d %s%n",
                    c.contributing(), c.registered(), periodLabels.get(c.period()), c.expected(),
                    c.expected() == c.contributing() ? "✓" : "✗");
        }
        if (!result.settled()) {
            out.println("Attention : le service de reporting n'avait pas tout appliqué à la fin du délai d'attente.");
        }
    }

    private static String french(BigDecimal value, boolean percent, int decimals) {
        if (value == null) {
            return "—";
        }
        if (decimals > 0) {
            return value.setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        }
        String text = value.stripTrailingZeros().scale() <= 0 ? String.format(Locale.FRANCE, "%,d",
                value.longValue()) : value.toPlainString().replace('.', ',');
        return percent ? text + " %" : text;
    }
}
