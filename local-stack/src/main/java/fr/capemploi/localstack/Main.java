package fr.capemploi.localstack;

import fr.capemploi.localstack.demo.DemoCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code ./suite} command line on Picocli: each command is a {@code @Command} method, its options and parameters
 * typed and checked before anything starts (a bad one is exit 2 with the reason and the usage).
 *
 * <p>Settings come from environment variables (see local-stack/README.md) so that the shell script stays a thin
 * wrapper.
 */
@Command(name = "suite", description = "The one-command launcher of the CEP & CPF suite.")
public final class Main {

    /** Exit status of a command line that cannot be run as given. */
    static final int USAGE = 2;

    private static final String READY_BANNER = "Suite ready in";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Path root;
    private final Path dataDirectory;

    /** Public so that the system tests run the commands exactly as ./suite does. */
    public Main(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.root = repositoryRoot(env);
        this.dataDirectory = Optional.ofNullable(blankToNull(env.get("SUITE_DATA_DIR")))
                .map(dir -> Path.of(dir).toAbsolutePath().normalize())
                .orElse(root.resolve(".suite"));
    }

    public static void main(String[] args) {
        System.exit(new Main(System.getenv(), System.out, System.err).run(List.of(args)));
    }

    public int run(List<String> args) {
        if (args.isEmpty() || Set.of("help", "-h", "--help").contains(args.get(0))) {
            out.print(usage());
            return 0;
        }
        PrintWriter errors = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(this)
                .setOut(new PrintWriter(out, true))
                .setErr(errors)
                .setParameterExceptionHandler((e, arguments) -> {
                    errors.println("suite: " + e.getMessage());
                    errors.print(usage());
                    errors.flush();
                    return USAGE;
                })
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        errors.println("suite: " + e.getMessage());
                        return USAGE;
                    }
                    throw e;
                });
        return cli.execute(args.toArray(String[]::new));
    }

    /** The options of the demo load, on {@code demo} and on {@code up --demo}; unset ones take their default. */
    static final class DemoOptions {
        @Option(names = "--scale", paramLabel = "S", description = "share of the national network to load")
        Double scale;

        @Option(names = "--seed", paramLabel = "N", description = "seed of the generated network")
        Long seed;

        @Option(names = "--concurrency", paramLabel = "C", description = "requests in flight")
        Integer concurrency;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long to wait for reporting")
        Long timeout;

        boolean given() {
            return scale != null || seed != null || concurrency != null || timeout != null;
        }

        DemoCommand.Options options() {
            return DemoCommand.Options.of(scale, seed, concurrency, timeout);
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: ./suite <command>",
                "  up [-d]                      start PostgreSQL, Kafka and the four services; Ctrl-C stops them",
                "                               (-d: leave them running in the background)",
                "     [--brokers 3]             a cluster of three Kafka nodes: topics replicated three times,",
                "                               min.insync.replicas=2 (a data folder keeps the broker count it began with)",
                "     [--instances 2]           two instances of each service (ports +10: 8091-8094, 9091-9094)",
                "  up [-d] --demo [DEMO OPTIONS]  start, then load the demo network (see demo)",
                "  token ROLE [STRUCTURE_ID]    print a bearer token for the running stack",
                "        [--counsellor ID]      the counsellor it belongs to (claim counsellor_id: acts sent",
                "                               without a counsellorId are credited to them)",
                "                               ROLE: " + String.join(", ", TokenMinter.ROLES),
                "  status                       show what is running",
                "  down                         stop a stack started with up -d",
                "  restart COMPONENT            stop and start one part of the running stack, wait until ready:",
                "                               postgres, kafka, beneficiary, cep, cpf or reporting (every instance,",
                "                               one after the other), or one of them: kafka-2, reporting-service-2...",
                "  backup [DIR]                 write a backup of the four databases, one moment for all of them",
                "                               (default DIR: <data>/backups/<time>); the services keep running",
                "  restore [DIR]                stop the services, bring the databases of a backup back (default: the",
                "                               latest in <data>/backups), start the services; the topics are kept",
                "  demo [--scale S] [--seed N]  load the national demo network into the running stack through the",
                "                               REST API, then print the calibration table (scale 1: the whole",
                "                               network, ~115,000 people; default " + DemoCommand.DEFAULT_SCALE
                        + ", seed " + DemoCommand.DEFAULT_SEED + ")",
                "                               [--concurrency C] requests in flight (default "
                        + DemoCommand.DEFAULT_CONCURRENCY + "), [--timeout SECONDS] wait for reporting (600)",
                "environment: SUITE_DATA_DIR, SUITE_DB_URL/SUITE_DB_USER/SUITE_DB_PASSWORD, SUITE_KAFKA_BOOTSTRAP,",
                "             SUITE_JWT_ISSUER, SUITE_SERVICES, SUITE_SERVICE_JAVA_OPTS, SUITE_KAFKA_JAVA_OPTS",
                "             (see local-stack/README.md)",
                "");
    }

    // ---------------------------------------------------------------------------------------------------- up

    @Command(name = "up", description = "Start PostgreSQL, Kafka and the four services; Ctrl-C stops them.")
    int up(@Option(names = "--brokers", paramLabel = "COUNT", defaultValue = "1",
                    description = "Kafka nodes: 1, or 3 (topics replicated three times)") int brokers,
            @Option(names = "--instances", paramLabel = "COUNT", defaultValue = "1",
                    description = "instances of each service") int instances,
            @Option(names = "--demo", description = "then load the demo network") boolean loadDemo,
            @Mixin DemoOptions demoOptions) {
        if (!loadDemo && demoOptions.given()) {
            throw new IllegalArgumentException("--scale, --seed, --concurrency and --timeout go with --demo");
        }
        DemoCommand.Options demo = loadDemo ? demoOptions.options() : null;
        Path run = dataDirectory.resolve("run");
        Optional<ProcessHandle> running = runningLauncher();
        if (running.isPresent()) {
            err.println("suite: a stack is already running from " + dataDirectory + " (pid " + running.get().pid()
                    + "); see ./suite status, stop it with ./suite down or Ctrl-C in its terminal");
            return 1;
        }
        configureLauncherLog();

        ProgressBoard board = new ProgressBoard(out, ProgressBoard.terminalCanRedraw());
        LocalStack stack;
        try {
            stack = stackBuilder().brokers(brokers).instances(instances).listener(board).build();
        } catch (RuntimeException e) {
            err.println("suite: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean startFailed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            board.endStartup();
            if (!startFailed.get()) {
                out.println();
                out.println("Stopping the stack...");
            }
            stack.close();
            // anything a child spawned and left behind is still a descendant of this JVM
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            deleteQuietly(run.resolve("launcher.pid"));
            deleteQuietly(run.resolve("stack.properties"));
            if (!startFailed.get()) {
                out.println("Stopped.");
            }
            out.flush();
            stopped.countDown();
        }, "suite-shutdown"));

        try {
            Files.createDirectories(run);
            Files.writeString(run.resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            err.println("suite: cannot write to " + run + ": " + e.getMessage());
            return 1;
        }

        out.println("Starting the suite (data: " + dataDirectory + ", logs: " + dataDirectory.resolve("logs")
                + ")");
        List<String> leftovers = stack.endLeftovers();
        if (!leftovers.isEmpty()) {
            out.println("Ended what a previous launcher (killed without cleaning up) had left running: "
                    + String.join(", ", leftovers));
        }
        board.beginStartup();
        try {
            stack.start();
        } catch (StackStartException e) {
            startFailed.set(true);
            board.endStartup();
            err.println();
            err.println("suite: start-up failed: " + e.getMessage());
            return 1;
        }
        board.endStartup();
        printSummary(stack);
        writeStackProperties(stack, run.resolve("stack.properties"));
        if (demo != null) {
            Map<SuiteService, URI> services = new java.util.EnumMap<>(SuiteService.class);
            stack.services().forEach(s -> services.put(s.service(), s.baseUri()));
            try {
                DemoCommand.run(services, stack.tokens(), demo, out, ProgressBoard.terminalCanRedraw());
            } catch (RuntimeException e) {
                err.println("suite: demo load failed: " + e.getMessage());
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private LocalStack.Builder stackBuilder() {
        LocalStack.Builder builder = LocalStack.builder()
                .dataDirectory(dataDirectory)
                .repositoryRoot(root)
                .jwtIssuer(issuer());
        String dbUrl = blankToNull(env.get("SUITE_DB_URL"));
        if (dbUrl != null) {
            builder.externalDatabase(dbUrl, env.getOrDefault("SUITE_DB_USER", "postgres"),
                    env.getOrDefault("SUITE_DB_PASSWORD", ""));
        }
        String kafka = blankToNull(env.get("SUITE_KAFKA_BOOTSTRAP"));
        if (kafka != null) {
            builder.externalKafka(kafka);
        }
        intFromEnv("SUITE_PG_PORT").ifPresent(builder::postgresPort);
        Optional<Integer> kafkaPort = intFromEnv("SUITE_KAFKA_PORT");
        Optional<Integer> controllerPort = intFromEnv("SUITE_KAFKA_CONTROLLER_PORT");
        if (kafkaPort.isPresent() || controllerPort.isPresent()) {
            int port = kafkaPort.orElse(59092);
            builder.kafkaPorts(port, controllerPort.orElse(port + 1));
        }
        String services = blankToNull(env.get("SUITE_SERVICES"));
        if (services != null) {
            builder.services(parseServices(services));
        }
        javaOptions("SUITE_SERVICE_JAVA_OPTS").ifPresent(builder::serviceJvmOptions);
        javaOptions("SUITE_KAFKA_JAVA_OPTS").ifPresent(builder::kafkaJvmOptions);
        return builder;
    }

    private void printSummary(LocalStack stack) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(nl);
        text.append(String.format(Locale.ROOT, "%s %.1f s (%s)%n", READY_BANNER,
                stack.startupTime().toMillis() / 1000.0,
                stack.componentStartupTimes().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue().toMillis() / 1000.0))
                        .collect(Collectors.joining(", "))));
        text.append(nl);
        for (ServiceProcess service : stack.services()) {
            String base = service.baseUri().toString();
            text.append(String.format(Locale.ROOT, "  %-20s %-24s Swagger UI %s/q/swagger-ui%n",
                    service.name(), base, base));
            text.append(String.format(Locale.ROOT, "  %-20s %s/q/health/ready, %s/q/metrics%n", "  management",
                    service.managementUri(), service.managementUri()));
            if (service.service() == SuiteService.REPORTING) {
                text.append(String.format(Locale.ROOT, "  %-20s %s/   (token: ./suite token analyst)%n",
                        "  dashboard", base));
                text.append(String.format(Locale.ROOT, "  %-20s %s/api/v1/indicators%n", "  indicators", base));
            }
        }
        String databases = stack.services().stream().map(s -> s.service().database()).distinct()
                .collect(Collectors.joining(", "));
        text.append(String.format(Locale.ROOT, "  %-20s %s%s, user %s%n", "postgres", stack.database().describe(),
                databases.isEmpty() ? "" : "  databases " + databases, stack.database().user()));
        text.append(String.format(Locale.ROOT, "  %-20s %s  topics %s (+ .dlq)%n", "kafka", stack.kafkaBootstrap(),
                TopicSpec.SUITE_TOPICS.stream().map(TopicSpec::name).filter(n -> !n.endsWith(".dlq"))
                        .collect(Collectors.joining(", "))));
        text.append(nl);
        text.append("Tokens (RS256, valid ").append(TokenMinter.LIFESPAN.toHours()).append(" h; roles ")
                .append(String.join(", ", TokenMinter.ROLES)).append("):").append(nl);
        text.append("  ./suite token admin").append(nl);
        text.append("  ./suite token counsellor <STRUCTURE_ID>").append(nl);
        stack.services().stream().filter(s -> s.service() == SuiteService.BENEFICIARY).findFirst()
                .ifPresent(s -> text.append("  curl -H \"Authorization: Bearer $(./suite token admin)\" ")
                        .append(s.baseUri()).append("/api/v1/structures").append(nl));
        text.append(nl);
        boolean detached = "1".equals(env.get("SUITE_DETACHED"));
        text.append("Logs in ").append(dataDirectory.resolve("logs")).append(". ")
                .append(detached ? "./suite down stops everything." : "Ctrl-C stops everything.").append(nl);
        out.print(text);
        out.flush();
    }

    private void writeStackProperties(LocalStack stack, Path file) {
        Properties properties = new Properties();
        properties.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("data", dataDirectory.toString());
        properties.setProperty("postgres", stack.database().describe());
        if (stack.database() instanceof EmbeddedDatabase embedded) {
            properties.setProperty("postgres.port", Integer.toString(embedded.port()));
        }
        properties.setProperty("kafka", stack.kafkaBootstrap());
        stack.brokers().forEach(b -> properties.setProperty("kafka.node." + b.name(), b.bootstrapServers()));
        for (ServiceProcess service : stack.services()) {
            properties.setProperty("service." + service.name(), service.baseUri().toString());
            properties.setProperty("management." + service.name(), service.managementUri().toString());
        }
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "running stack, written by ./suite up; read by ./suite status");
        } catch (IOException e) {
            err.println("suite: cannot write " + file + ": " + e.getMessage());
        }
    }

    // ----------------------------------------------------------------------------------------------- restart

    @Command(name = "restart", description = "Stop and start one part of the running stack, wait until ready.")
    int restart(@Parameters(paramLabel = "COMPONENT", description = "postgres, kafka, beneficiary, cep, cpf, "
            + "reporting, or one instance: kafka-2, reporting-service-2...") String component) {
        out.println("Restarting " + component + "...");
        out.flush();
        return controlRequest("restart " + component, "restart", Duration.ofMinutes(5));
    }

    // -------------------------------------------------------------------------------------- backup, restore

    @Command(name = "backup", description = "Back up the four databases, one moment for all of them.")
    int backup(@Parameters(paramLabel = "DIR", arity = "0..1",
            description = "default: <data>/backups/<time>") String directory) {
        Path target = directory == null
                ? dataDirectory.resolve("backups").resolve(java.time.format.DateTimeFormatter
                        .ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()))
                : Path.of(directory).toAbsolutePath().normalize();
        out.println("Backing up the databases into " + target + "...");
        out.flush();
        return controlRequest("backup " + target, "backup", Duration.ofMinutes(30));
    }

    @Command(name = "restore", description = "Bring a backup's databases back; the topics are kept.")
    int restore(@Parameters(paramLabel = "DIR", arity = "0..1",
            description = "default: the latest in <data>/backups") String directory) {
        Path source;
        if (directory == null) {
            Optional<Path> latest = Optional.empty();
            Path backups = dataDirectory.resolve("backups");
            if (Files.isDirectory(backups)) {
                try (var entries = Files.list(backups)) {
                    latest = entries.filter(p -> Files.isRegularFile(p.resolve("backup.properties")))
                            .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
                } catch (IOException e) {
                    err.println("suite: cannot read " + backups + ": " + e.getMessage());
                    return 1;
                }
            }
            if (latest.isEmpty()) {
                err.println("suite: no backup in " + backups + " (./suite backup writes one)");
                return 1;
            }
            source = latest.get();
        } else {
            source = Path.of(directory).toAbsolutePath().normalize();
        }
        out.println("Restoring " + source + " (the services stop meanwhile)...");
        out.flush();
        return controlRequest("restore " + source, "restore", Duration.ofMinutes(30));
    }

    /** Asks the running launcher to do {@code request}; prints its answer, or why it failed. */
    private int controlRequest(String request, String what, Duration timeout) {
        String reply;
        try {
            reply = ControlChannel.request(dataDirectory, request, timeout);
        } catch (IllegalStateException e) {
            err.println("suite: " + e.getMessage());
            return 1;
        }
        if (reply.startsWith(ControlChannel.OK)) {
            out.println(reply.substring(ControlChannel.OK.length()).trim());
            return 0;
        }
        err.println("suite: " + what + " failed: " + reply.replaceFirst("^error ", ""));
        return 1;
    }

    // ------------------------------------------------------------------------------------------------- token

    @Command(name = "token", description = "Print a bearer token the running stack accepts.")
    int token(@Parameters(index = "0", paramLabel = "ROLE") String role,
            @Parameters(index = "1", paramLabel = "STRUCTURE_ID", arity = "0..1") UUID structureId,
            @Option(names = "--counsellor", paramLabel = "COUNSELLOR_ID",
                    description = "the counsellor the token belongs to (claim counsellor_id)") UUID counsellorId) {
        SigningKeys keys = SigningKeys.loadOrCreate(dataDirectory.resolve("keys"));
        out.println(new TokenMinter(keys.privateKey(), issuer()).mint(role.toLowerCase(Locale.ROOT), structureId,
                counsellorId));
        return 0;
    }

    // -------------------------------------------------------------------------------------------------- demo

    @Command(name = "demo", description = "Load the national demo network into the running stack (REST API only).")
    int demo(@Mixin DemoOptions demoOptions) {
        DemoCommand.Options options = demoOptions.options();
        if (runningLauncher().isEmpty()) {
            err.println("suite: no stack is running from " + dataDirectory + "; start it with ./suite up -d (or use "
                    + "./suite up --demo)");
            return 1;
        }
        Map<SuiteService, URI> services = DemoCommand.runningStack(dataDirectory);
        SigningKeys keys = SigningKeys.loadOrCreate(dataDirectory.resolve("keys"));
        DemoCommand.Run run = DemoCommand.run(services, new TokenMinter(keys.privateKey(), issuer()), options, out,
                ProgressBoard.terminalCanRedraw());
        return run.succeeded() ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------ status, down

    @Command(name = "status", description = "Show what is running.")
    int status() {
        Optional<ProcessHandle> launcher = runningLauncher();
        if (launcher.isEmpty()) {
            out.println("No stack is running from " + dataDirectory + ".");
            return 3;
        }
        Path file = dataDirectory.resolve("run/stack.properties");
        if (!Files.isRegularFile(file)) {
            out.println("The stack is starting (launcher pid " + launcher.get().pid() + ").");
            return 1;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            err.println("suite: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("Stack running from " + dataDirectory + " (launcher pid " + launcher.get().pid() + ")");
        boolean allUp = true;
        String postgresPort = properties.getProperty("postgres.port");
        if (postgresPort != null) {
            allUp &= line("postgres", listening("127.0.0.1", Integer.parseInt(postgresPort)),
                    properties.getProperty("postgres"));
        } else {
            line("postgres", true, properties.getProperty("postgres"));
        }
        List<String> nodes = properties.stringPropertyNames().stream().filter(k -> k.startsWith("kafka.node."))
                .sorted().collect(Collectors.toList());
        if (nodes.isEmpty()) {
            String kafka = properties.getProperty("kafka");
            int colon = kafka.lastIndexOf(':');
            allUp &= line("kafka", listening(kafka.substring(0, colon), Integer.parseInt(kafka.substring(colon + 1))),
                    kafka);
        }
        for (String node : nodes) {
            String address = properties.getProperty(node);
            int colon = address.lastIndexOf(':');
            allUp &= line(node.substring("kafka.node.".length()), listening(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), address);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (String key : properties.stringPropertyNames().stream().sorted().collect(Collectors.toList())) {
            if (key.startsWith("service.")) {
                String base = properties.getProperty(key);
                String name = key.substring("service.".length());
                // readiness is on the management port; a stack started before it existed answers on the API port
                String management = properties.getProperty("management." + name, base);
                allUp &= line(name, ready(http, management), base);
            }
        }
        return allUp ? 0 : 1;
    }

    private boolean line(String component, boolean up, String where) {
        out.println(String.format(Locale.ROOT, "  %-22s %-9s %s", component, up ? "ready" : "DOWN", where));
        return up;
    }

    @Command(name = "down", description = "Stop a stack started with up -d.")
    int down() {
        Optional<ProcessHandle> launcher = runningLauncher();
        if (launcher.isEmpty()) {
            // a launcher killed with SIGKILL leaves its children behind: end them here rather than at the next up
            configureLauncherLog();
            List<String> ended = stackBuilder().build().endLeftovers();
            out.println(ended.isEmpty() ? "No stack is running from " + dataDirectory + "."
                    : "No launcher was running; ended what it had left behind: " + String.join(", ", ended));
            return 0;
        }
        ProcessHandle handle = launcher.get();
        out.println("Stopping the stack (launcher pid " + handle.pid() + ")...");
        // SIGTERM runs the launcher's shutdown hook, which stops the services, the broker and PostgreSQL in order
        handle.destroy();
        ChildProcess.awaitExit(handle, Duration.ofSeconds(120));
        if (handle.isAlive()) {
            err.println("suite: the launcher did not stop within 120 s; killing it");
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            return 1;
        }
        out.println("Stopped.");
        return 0;
    }

    private Optional<ProcessHandle> runningLauncher() {
        Path pidFile = dataDirectory.resolve("run/launcher.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.pid() != ProcessHandle.current().pid())
                    // a recycled pid belongs to something else: only a launcher JVM counts
                    .filter(handle -> ChildProcess.commandLineContains(handle, "up")
                            && handle.info().command().map(c -> c.endsWith("java")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String issuer() {
        return Optional.ofNullable(blankToNull(env.get("SUITE_JWT_ISSUER"))).orElse(TokenMinter.DEFAULT_ISSUER);
    }

    private void configureLauncherLog() {
        // must run before the first logger is created: slf4j-simple reads these once
        Path logs = dataDirectory.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create " + logs + ": " + e.getMessage());
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("launcher.log").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        // refused connections while a broker restarts are expected; real failures surface as exceptions
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
    }

    private Optional<Integer> intFromEnv(String name) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number: " + value);
        }
    }

    private Optional<List<String>> javaOptions(String name) {
        String value = blankToNull(env.get(name));
        return value == null ? Optional.empty() : Optional.of(Arrays.asList(value.trim().split("\\s+")));
    }

    static SuiteService[] parseServices(String list) {
        Set<SuiteService> selected = EnumSet.noneOf(SuiteService.class);
        if ("none".equals(list.trim())) {
            // infrastructure only, e.g. to run one service with quarkus:dev against it
            return new SuiteService[0];
        }
        for (String name : list.split("[,\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            selected.add(Arrays.stream(SuiteService.values())
                    .filter(s -> s.moduleName().equals(name) || s.moduleName().equals(name + "-service"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("SUITE_SERVICES: unknown service " + name)));
        }
        return selected.toArray(SuiteService[]::new);
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean ready(HttpClient http, String base) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path repositoryRoot(Map<String, String> env) {
        String home = blankToNull(env.get("SUITE_HOME"));
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        try {
            // <root>/local-stack/target/local-stack.jar
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar) && jar.getParent() != null && jar.getParent().getParent() != null
                    && Files.isRegularFile(jar.getParent().getParent().resolve("pom.xml"))) {
                return jar.getParent().getParent().getParent().toAbsolutePath().normalize();
            }
        } catch (Exception e) {
            // fall through to the working-directory search
        }
        return LocalStack.Builder.defaultRepositoryRoot();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // leftovers are recognised as stale by the pid check
        }
    }
}
