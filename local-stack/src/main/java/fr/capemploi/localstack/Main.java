package fr.capemploi.localstack;

import fr.capemploi.localstack.demo.DemoCommand;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./suite} command line on Picocli: each command is a {@code @Command} class, its options and parameters
 * typed and checked before anything starts (a bad one is exit 2 with the reason and the usage).
 *
 * <p>Settings come from environment variables (see local-stack/README.md) so that the shell script stays a thin
 * wrapper.
 */
@Command(name = "suite", description = "The one-command launcher of the CEP & CPF suite.", subcommands = {
        UpCommand.class, TokenCommand.class, StatusCommand.class, DownCommand.class, RestartCommand.class,
        BackupCommand.class, RestoreCommand.class, DemoLoadCommand.class})
public final class Main {

    /** Exit status of a command line that cannot be run as given. */
    static final int USAGE = 2;

    // read by every command (LauncherCommand)
    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    final Path root;
    final Path dataDirectory;

    /** Public so that the system tests run the commands exactly as ./suite does. */
    public Main(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.root = repositoryRoot(env);
        this.dataDirectory = Optional.ofNullable(LauncherCommand.blankToNull(env.get("SUITE_DATA_DIR")))
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
                "             SUITE_JWT_ISSUER, SUITE_SERVICES, SUITE_SERVICE_JAVA_OPTS, SUITE_SERVICE_JAVA_HOME,",
                "             SUITE_KAFKA_JAVA_OPTS (see local-stack/README.md)",
                "");
    }

    private static Path repositoryRoot(Map<String, String> env) {
        String home = LauncherCommand.blankToNull(env.get("SUITE_HOME"));
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
}
