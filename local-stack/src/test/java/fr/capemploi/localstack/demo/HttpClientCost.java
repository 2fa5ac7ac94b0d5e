package fr.capemploi.localstack.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * The loader's CPU per request with three HTTP clients, against the JDK's HTTP server on loopback: 8 client threads,
 * each sending POSTs with the demo's headers (bearer token, Idempotency-Key) and a ~300-byte JSON body. The server's
 * threads' CPU is subtracted from the process's, what is left is the client's (its own threads, plus the JVM's GC and
 * compiler threads, which every client pays alike). Run by hand (a main, not a test):
 * {@code java -cp <test classpath> fr.capemploi.localstack.demo.HttpClientCost [requestsPerThread [rounds]]}.
 */
public final class HttpClientCost {

    private static final int THREADS = 8;
    private static final byte[] ANSWER = "{\"id\":\"5b0f3c1e-0d6a-4f7e-9a51-1c2d3e4f5a6b\",\"status\":\"RECORDED\"}"
            .getBytes(StandardCharsets.UTF_8);
    /** The size of a demo token (an RS256 JWT with the suite's claims). */
    private static final String TOKEN = "eyJ" + "a".repeat(600);
    private static final String BODY = "{\"beneficiaryId\":\"" + UUID.randomUUID() + "\",\"counsellorId\":\""
            + UUID.randomUUID() + "\",\"contactDate\":\"2026-03-14\",\"channel\":\"PHONE\",\"subject\":"
            + "\"Point d'étape sur le projet professionnel et les démarches de formation\",\"durationMinutes\":45,"
            + "\"outcome\":\"FOLLOW_UP\",\"notes\":\"Rendez-vous de suivi fixé au mois prochain, pièces à fournir.\"}";

    interface Client extends AutoCloseable {
        int post(URI uri, Map<String, String> headers, String body) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // without it the JDK server's head and body wait on the client's delayed ACK: 40 ms per request
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<Thread> serverThreads = new CopyOnWriteArrayList<>();
        ExecutorService serverPool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "server-worker");
            serverThreads.add(thread);
            return thread;
        });
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/contacts", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.setExecutor(serverPool);
        server.start();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("HTTP-Dispatcher"))
                .forEach(serverThreads::add);
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/contacts");
        System.out.printf("%d threads x %d POSTs, %d-byte body, %d cores available%n", THREADS, perThread,
                BODY.getBytes(StandardCharsets.UTF_8).length, Runtime.getRuntime().availableProcessors());
        try {
            Map<String, Client> clients = new LinkedHashMap<>();
            clients.put("JDK HttpClient", jdk());
            clients.put("KeepAliveConnection", keepAlive());
            clients.put("Apache HttpClient 5 classic", apache(PoolConcurrencyPolicy.STRICT));
            clients.put("Apache, lax pool", apache(PoolConcurrencyPolicy.LAX));
            // warm-up, then measured rounds in turn so that a change of the machine's load hits all alike; the JIT
            // keeps improving the first two rounds: quote the last
            for (var client : clients.entrySet()) {
                run(client.getValue(), uri, perThread / 3, serverThreads);
            }
            for (int round = 1; round <= rounds; round++) {
                for (var client : clients.entrySet()) {
                    double[] cost = run(client.getValue(), uri, perThread, serverThreads);
                    System.out.printf("round %d  %-29s client %.3f ms CPU/request   server %.3f ms   %.0f requests/s%n",
                            round, client.getKey(), cost[0], cost[1], cost[2]);
                }
            }
            for (Client client : clients.values()) {
                client.close();
            }
        } finally {
            server.stop(0);
            serverPool.shutdownNow();
        }
    }

    /** Client ms of CPU per request, server ms per request, requests per second. */
    private static double[] run(Client client, URI uri, int perThread, List<Thread> serverThreads) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + TOKEN);
        headers.put("Accept", "application/json");
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        try {
            long serverBefore = cpu(serverThreads);
            long processBefore = processCpu();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(callers.submit(() -> {
                    Map<String, String> mine = new LinkedHashMap<>(headers);
                    for (int i = 0; i < perThread; i++) {
                        mine.put("Idempotency-Key", UUID.randomUUID().toString());
                        int status = client.post(uri, mine, BODY);
                        if (status != 201) {
                            throw new IllegalStateException("answered " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long process = processCpu() - processBefore;
            long server = cpu(serverThreads) - serverBefore;
            double requests = (double) THREADS * perThread;
            return new double[] {(process - server) / 1e6 / requests, server / 1e6 / requests, requests / seconds};
        } finally {
            callers.shutdown();
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long cpu(List<Thread> threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread thread : threads) {
            long t = mx.getThreadCpuTime(thread.getId());
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    private static Client jdk() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new Client() {
            @Override
            public int post(URI uri, Map<String, String> headers, String body) throws Exception {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                headers.forEach(request::header);
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            }

            @Override
            public void close() {
                // the JDK 17 client has no close; its threads end with the process
            }
        };
    }

    private static Client keepAlive() {
        List<KeepAliveConnection> opened = new CopyOnWriteArrayList<>();
        ThreadLocal<KeepAliveConnection> mine = new ThreadLocal<>();
        return new Client() {
            @Override
            public int post(URI uri, Map<String, String> headers, String body) throws IOException {
                KeepAliveConnection connection = mine.get();
                if (connection == null || !connection.isOpen()) {
                    connection = new KeepAliveConnection(uri.getHost(), uri.getPort(), Duration.ofSeconds(5),
                            Duration.ofSeconds(60));
                    opened.add(connection);
                    mine.set(connection);
                }
                Map<String, String> all = new LinkedHashMap<>(headers);
                all.put("Content-Type", "application/json");
                return connection.exchange("POST", uri, all, body).status();
            }

            @Override
            public void close() {
                opened.forEach(KeepAliveConnection::close);
            }
        };
    }

    private static Client apache(PoolConcurrencyPolicy policy) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(policy)
                .setMaxConnTotal(THREADS).setMaxConnPerRoute(THREADS)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(60)).build())
                .build();
        CloseableHttpClient http = HttpClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
                .disableContentCompression().disableCookieManagement().disableRedirectHandling()
                .disableAuthCaching().build();
        return new Client() {
            @Override
            public int post(URI uri, Map<String, String> headers, String body) throws Exception {
                ClassicRequestBuilder request = ClassicRequestBuilder.post(uri)
                        .setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
                headers.forEach(request::addHeader);
                return http.execute(request.build(), response -> {
                    EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                    return response.getCode();
                });
            }

            @Override
            public void close() throws IOException {
                http.close();
            }
        };
    }
}
