package fr.capemploi.bench;

import fr.capemploi.localstack.SuiteService;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API write path against what its parts allow, in one run: {@code POST /api/v1/cep/level1-contacts} (an anonymous
 * contact, counsellor token) by C concurrent clients, then the same two inserts the request makes (the contact row
 * and its outbox row, copied from rows the API wrote) in one transaction per write, by raw JDBC over C connections
 * to the same database. Prints both rates and their ratio.
 */
public final class WritePathBench {

    private static final String BODY = """
            {"contactDate":"2016-03-14","channel":"PHONE","request":"CPF_INFORMATION","liaisonSheetIssued":false}""";

    private static final long WARM_UP_WRITES = 20_000;
    private static final Duration MAX_WARM_UP = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        // the JIT keeps compiling the request path for tens of seconds on a busy 2-core machine: a short warm-up
        // measures the compiler, not the service
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        try (BenchStack stack = new BenchStack("write-path", SuiteService.CEP)) {
            System.out.println("cep-service " + startedIn(stack) + ", JVM options: " + System.getenv()
                    .getOrDefault("BENCH_SERVICE_JVM_OPTS", "(bench default)"));
            String token = stack.token("counsellor", UUID.randomUUID());
            URI uri = URI.create(stack.baseUri(SuiteService.CEP) + "/api/v1/cep/level1-contacts");
            HttpLoad http = new HttpLoad(uri, token, BODY, concurrency);
            // and at least WARM_UP_WRITES writes: on a machine loaded by others 60 s may be a few thousand requests,
            // still partly interpreted, and the CPU per write would measure the warm-up, not the code
            long warmUpWrites = http.run(concurrency, Duration.ofSeconds(warmUpSeconds), 201).count();
            long warmUpStarted = System.nanoTime() - Duration.ofSeconds(warmUpSeconds).toNanos();
            while (warmUpWrites < WARM_UP_WRITES
                    && System.nanoTime() - warmUpStarted < MAX_WARM_UP.toNanos()) {
                warmUpWrites += http.run(concurrency, Duration.ofSeconds(10), 201).count();
            }
            System.out.printf("API warm-up: %d writes in %d s (%s)%n", warmUpWrites,
                    Duration.ofNanos(System.nanoTime() - warmUpStarted).toSeconds(), BenchStack.load());
            ProcessCpu cpu = new ProcessCpu(stack.dataDirectory());
            var apiStart = cpu.snapshot();
            Phase api = http.run(concurrency, Duration.ofSeconds(seconds), 201);
            http.close();
            var apiEnd = cpu.snapshot();
            System.out.printf("API: %d writes in %d s = %.0f writes/s, p50 %.1f ms, p99 %.1f ms, %d errors (%s)%n",
                    api.count(), seconds, api.rate(), api.p(0.50), api.p(0.99), api.errors(), BenchStack.load());
            System.out.println("  " + ProcessCpu.perOperation("write", apiStart, apiEnd, api.count()));
            System.out.println("  resident memory (MiB): " + cpu.residentMebibytes());

            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Connection connection = stack.connect(SuiteService.CEP);
                connection.setAutoCommit(false);
                connections.add(connection);
            }
            AtomicLong next = new AtomicLong();
            run(concurrency, 5, () -> insertTwoRows(connections.get((int) (next.getAndIncrement() % concurrency))));
            var jdbcStart = cpu.snapshot();
            Phase jdbc = runPerConnection(connections, seconds);
            var jdbcEnd = cpu.snapshot();
            System.out.printf("raw JDBC, same two inserts per transaction: %d in %d s = %.0f writes/s, p50 %.1f ms, "
                    + "p99 %.1f ms (%s)%n", jdbc.count(), seconds, jdbc.rate(), jdbc.p(0.50), jdbc.p(0.99),
                    BenchStack.load());
            System.out.println("  " + ProcessCpu.perOperation("write", jdbcStart, jdbcEnd, jdbc.count()));
            System.out.printf("ratio API / raw JDBC at %d concurrent writers: %.2f%n", concurrency,
                    api.rate() / jdbc.rate());
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Quarkus's own start-up line, the last one the service wrote to its log. */
    private static String startedIn(BenchStack stack) throws java.io.IOException {
        java.util.regex.Matcher started = java.util.regex.Pattern.compile("started in ([0-9.]+s)").matcher(
                java.nio.file.Files.readString(stack.dataDirectory().resolve("logs/cep-service.log")));
        String last = "start time not found";
        while (started.find()) {
            last = "started in " + started.group(1);
        }
        return last;
    }

    interface Write {
        boolean call() throws Exception;
    }

    record Phase(long count, long errors, double rate, long[] latencies) {
        double p(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            return latencies[Math.min(latencies.length - 1, (int) Math.floor(q * latencies.length))] / 1e6;
        }
    }

    /** A copy of a contact row and of an outbox row the API wrote, under new ids, in one transaction. */
    private static boolean insertTwoRows(Connection connection) throws Exception {
        Sample sample = sample(connection);
        try (PreparedStatement contact = connection.prepareStatement("""
                INSERT INTO level1_contact (id, structure_id, counsellor_id, beneficiary_id, contact_date, channel,
                    request, liaison_sheet_issued, recorded_at, recorded_by, routed_to)
                VALUES (?, ?, NULL, NULL, ?, ?, ?, false, now(), ?, NULL)
                """);
                PreparedStatement outbox = connection.prepareStatement("""
                        INSERT INTO outbox_event (event_id, topic, record_key, event_type, envelope, recorded_at,
                            published_at)
                        VALUES (?, 'cep.events', ?, 'Level1ContactRecorded', ?, now(), now())
                        """)) {
            UUID id = UUID.randomUUID();
            contact.setObject(1, id);
            contact.setObject(2, sample.structureId());
            contact.setObject(3, sample.contactDate());
            contact.setString(4, sample.channel());
            contact.setString(5, sample.request());
            contact.setString(6, sample.recordedBy());
            contact.executeUpdate();
            outbox.setObject(1, UUID.randomUUID());
            outbox.setString(2, id.toString());
            outbox.setBytes(3, sample.envelope());
            outbox.executeUpdate();
            connection.commit();
            return true;
        }
    }

    record Sample(UUID structureId, java.sql.Date contactDate, String channel, String request, String recordedBy,
            byte[] envelope) {
    }

    private static volatile Sample sample;

    private static Sample sample(Connection connection) throws Exception {
        if (sample == null) {
            synchronized (WritePathBench.class) {
                if (sample == null) {
                    try (PreparedStatement select = connection.prepareStatement("""
                            SELECT c.structure_id, c.contact_date, c.channel, c.request, c.recorded_by,
                                (SELECT envelope FROM outbox_event ORDER BY id DESC LIMIT 1)
                            FROM level1_contact c LIMIT 1""");
                            ResultSet rs = select.executeQuery()) {
                        rs.next();
                        sample = new Sample(rs.getObject(1, UUID.class), rs.getDate(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBytes(6));
                        connection.commit();
                        System.out.printf("outbox envelope: %d bytes%n", sample.envelope().length);
                    }
                }
            }
        }
        return sample;
    }

    private static Phase runPerConnection(List<Connection> connections, int seconds) throws Exception {
        AtomicLong slot = new AtomicLong();
        ThreadLocal<Connection> mine = ThreadLocal.withInitial(() -> connections.get((int) slot.getAndIncrement()));
        return run(connections.size(), seconds, () -> insertTwoRows(mine.get()));
    }

    private static Phase run(int concurrency, int seconds, Write write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = write.call();
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (!ok) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = java.util.Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return java.util.Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        return new Phase(merged.length, errors.get(), merged.length / elapsed, merged);
    }
}
