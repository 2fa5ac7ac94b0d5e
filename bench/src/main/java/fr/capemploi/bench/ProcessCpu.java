package fr.capemploi.bench;

import fr.capemploi.localstack.KafkaNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * CPU time used by each component of a benchmark's stack (PostgreSQL with its backends, those that ended included,
 * the broker, each service, the benchmark's own client), read from /proc. A rate alone moves with whatever else runs
 * on a shared machine; the CPU each write costs each component says where the time goes and moves much less.
 */
final class ProcessCpu {

    /** Linux reports utime/stime in clock ticks of USER_HZ, 100 on every kernel this runs on. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final String stackMarker;

    /** @param stackDirectory the stack's data directory, which every one of its processes names on its command line */
    ProcessCpu(Path stackDirectory) {
        this.stackMarker = stackDirectory.toAbsolutePath().normalize().toString();
    }

    /**
     * Whether a command line names this stack's directory, not another one whose name starts with it: the stack of a
     * run with {@code -Dbench.stack-suffix=-t} beside one without (its processes were counted twice, in both runs).
     */
    private boolean namesStack(String line) {
        for (int at = line.indexOf(stackMarker); at >= 0; at = line.indexOf(stackMarker, at + 1)) {
            int next = at + stackMarker.length();
            if (next == line.length() || line.charAt(next) == '/' || Character.isWhitespace(line.charAt(next))
                    || line.charAt(next) == ':' || line.charAt(next) == ',') {
                return true;
            }
        }
        return false;
    }

    /** CPU ticks per component at this instant. */
    Map<String, Long> snapshot() {
        return read(false);
    }

    /** Resident memory per component at this instant, in MiB. */
    Map<String, Long> residentMebibytes() {
        return read(true);
    }

    private Map<String, Long> read(boolean resident) {
        return read(resident, false);
    }

    /**
     * The stack's Java processes (services, broker) by pid, with their component's name: what {@link ResidentPeaks}
     * samples often, without reading every process of the machine each time.
     */
    Map<Long, String> javaProcesses() {
        ProcessTable table = ProcessTable.read();
        long self = ProcessHandle.current().pid();
        Map<Long, String> processes = new HashMap<>();
        table.commandLines().keySet().forEach(pid -> {
            String component = component(pid, self, table);
            if (component != null && !component.equals("PostgreSQL") && !component.equals(CLIENT)) {
                processes.put(pid, component);
            }
        });
        return processes;
    }

    /**
     * PostgreSQL's CPU ticks by kind of process at this instant: the services' backends, the checkpointer, the
     * background writer, the WAL writer, autovacuum (its launcher and live workers), and the children the postmaster
     * has reaped (their utime + stime counted into its own once they end: autovacuum workers, short connections),
     * which {@link #snapshot} does not see.
     */
    Map<String, Long> postgresKinds() {
        return read(false, true);
    }

    /**
     * The machine's processes at one instant, read once from /proc: each one's stat fields after its command name (the
     * name in parentheses may hold spaces: fields are counted after its closing one), its parent and its command line.
     * A process that ends while being read is left out: its CPU is no longer anyone's.
     */
    private record ProcessTable(Map<Long, String[]> stats, Map<Long, Long> parents, Map<Long, String> commandLines) {

        static ProcessTable read() {
            ProcessTable table = new ProcessTable(new HashMap<>(), new HashMap<>(), new HashMap<>());
            List<Path> entries;
            try (var listed = Files.list(Path.of("/proc"))) {
                entries = listed.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read /proc", e);
            }
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long parent = Long.parseLong(fields[1]);
                    String commandLine = Files.readString(entry.resolve("cmdline")).replace('\0', ' ');
                    table.stats().put(pid, fields);
                    table.parents().put(pid, parent);
                    table.commandLines().put(pid, commandLine);
                } catch (IOException | RuntimeException gone) {
                    // ended while being read
                }
            }
            return table;
        }
    }

    private Map<String, Long> read(boolean resident, boolean postgresKinds) {
        ProcessTable table = ProcessTable.read();
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, Long> reaped = new HashMap<>();
        table.stats().forEach((pid, fields) -> {
            // rss (field 24) is in pages of 4 KiB
            ticks.put(pid, resident ? Long.parseLong(fields[21]) * 4 / 1024
                    : Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            reaped.put(pid, Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
        });
        Map<Long, String> commandLines = table.commandLines();
        long self = ProcessHandle.current().pid();
        Map<String, Long> byComponent = new TreeMap<>();
        for (Map.Entry<Long, Long> process : ticks.entrySet()) {
            String component = component(process.getKey(), self, table);
            if (postgresKinds) {
                if ("PostgreSQL".equals(component)) {
                    String line = commandLines.get(process.getKey());
                    boolean postmaster = namesStack(line);
                    byComponent.merge(postmaster ? "postmaster" : postgresKind(line), process.getValue(), Long::sum);
                    if (postmaster) {
                        byComponent.merge("reaped children", reaped.get(process.getKey()), Long::sum);
                    }
                }
            } else if (component != null) {
                byComponent.merge(component, process.getValue(), Long::sum);
                // the backends that ended (autovacuum's workers above all) are the postmaster's reaped children
                if (!resident && "PostgreSQL".equals(component)
                        && namesStack(commandLines.get(process.getKey()))) {
                    byComponent.merge(component, reaped.get(process.getKey()), Long::sum);
                }
            }
        }
        return byComponent;
    }

    private String component(long pid, long self, ProcessTable table) {
        Map<Long, String> commandLines = table.commandLines();
        if (pid == self) {
            return CLIENT;
        }
        // a PostgreSQL backend is a child of the postmaster, which names the stack's data directory
        for (long p = pid; p > 1 && commandLines.containsKey(p); p = table.parents().getOrDefault(p, 1L)) {
            String line = commandLines.get(p);
            if (namesStack(line)) {
                // by its main class: a broker's class path names the embedded PostgreSQL's jars too (local-stack's),
                // and since brokers start through KafkaNode rather than kafka.Kafka, "postgres" below took them in
                if (line.contains(KafkaNode.class.getName()) || line.contains("kafka.Kafka")) {
                    return "Kafka broker";
                }
                if (line.contains("quarkus-run.jar") || line.contains("-service")) {
                    return serviceName(line);
                }
                if (line.contains("postgres")) {
                    return "PostgreSQL";
                }
                return null;
            }
        }
        return null;
    }

    /** The kind of a PostgreSQL child process, from the title it sets ({@code postgres: checkpointer}...). */
    private static String postgresKind(String title) {
        for (String kind : new String[] {"checkpointer", "background writer", "walwriter", "autovacuum", "logger"}) {
            if (title.contains(kind)) {
                return kind;
            }
        }
        return title.startsWith("postgres: ") ? "backends" : "other";
    }

    private static String serviceName(String commandLine) {
        for (String part : commandLine.split("[ /]")) {
            if (part.endsWith("-service")) {
                return part;
            }
        }
        return "service";
    }

    /** The component {@link #snapshot} names the benchmark's own process. */
    static final String CLIENT = "benchmark client";

    /** Milliseconds of CPU per operation per component between two snapshots. */
    static Map<String, Double> millisPerOperation(Map<String, Long> before, Map<String, Long> after, long operations) {
        Map<String, Double> millis = new LinkedHashMap<>();
        after.forEach((name, ticks) -> millis.put(name,
                (ticks - before.getOrDefault(name, 0L)) * MILLIS_PER_TICK / Math.max(1, operations)));
        return millis;
    }

    /** Milliseconds of CPU per operation per component between two snapshots, and their sum. */
    static String perOperation(String operation, Map<String, Long> before, Map<String, Long> after, long operations) {
        Map<String, Double> millis = millisPerOperation(before, after, operations);
        StringJoiner line = new StringJoiner(", ", "CPU per " + operation + ": ", "");
        millis.forEach((name, used) -> line.add(String.format("%s %.2f ms", name, used)));
        line.add(String.format("total %.2f ms", millis.values().stream().mapToDouble(Double::doubleValue).sum()));
        return line.toString();
    }
}
