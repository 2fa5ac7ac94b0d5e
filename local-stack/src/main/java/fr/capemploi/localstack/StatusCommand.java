package fr.capemploi.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code ./suite status}: what of the stack started from this data folder is running. */
@Command(name = "status", description = "Show what is running.")
final class StatusCommand extends LauncherCommand {

    @Override
    int run() {
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
        for (String key : properties.stringPropertyNames().stream().sorted().collect(Collectors.toList())) {
            if (key.startsWith("service.")) {
                String base = properties.getProperty(key);
                String name = key.substring("service.".length());
                // readiness is on the management port; a stack started before it existed answers on the API port
                String management = properties.getProperty("management." + name, base);
                allUp &= line(name, ServiceProcess.answersReady(URI.create(management)), base);
            }
        }
        return allUp ? 0 : 1;
    }

    private boolean line(String component, boolean up, String where) {
        out.println(String.format(Locale.ROOT, "  %-22s %-9s %s", component, up ? "ready" : "DOWN", where));
        return up;
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
