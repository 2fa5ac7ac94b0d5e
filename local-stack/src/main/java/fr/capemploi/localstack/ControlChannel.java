package fr.capemploi.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * How {@code ./suite restart} reaches the stack a launcher runs: a request file in {@code run/control/} of the data
 * folder, picked up by the stack (which owns the child processes), answered by a reply file. Files rather than a port:
 * nothing more listens, and only whoever may write the data folder can ask.
 */
final class ControlChannel {

    static final String OK = "ok";
    private static final Duration PICK_UP = Duration.ofSeconds(5);

    private ControlChannel() {
    }

    /** Serves requests until the returned thread is interrupted; {@code handler} answers a line, or throws. */
    static Thread serve(Path dataDirectory, Function<String, String> handler) {
        Path control = dataDirectory.resolve("run").resolve("control");
        Thread server = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Files.createDirectories(control);
                    try (DirectoryStream<Path> requests = Files.newDirectoryStream(control, "*.request")) {
                        for (Path request : requests) {
                            String command = Files.readString(request, StandardCharsets.UTF_8).trim();
                            Files.deleteIfExists(request);
                            String reply;
                            try {
                                reply = OK + " " + handler.apply(command);
                            } catch (RuntimeException e) {
                                reply = "error " + (e.getMessage() == null ? e.toString() : e.getMessage());
                            }
                            String id = request.getFileName().toString().replace(".request", "");
                            write(control.resolve(id + ".reply"), reply);
                        }
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | UncheckedIOException e) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }, "suite-control");
        server.setDaemon(true);
        server.start();
        return server;
    }

    /**
     * Sends {@code command} and waits for its reply.
     * @throws IllegalStateException when no stack picks the request up, or it does not answer in time
     */
    static String request(Path dataDirectory, String command, Duration timeout) {
        Path control = dataDirectory.resolve("run").resolve("control");
        String id = UUID.randomUUID().toString();
        Path request = control.resolve(id + ".request");
        Path reply = control.resolve(id + ".reply");
        try {
            Files.createDirectories(control);
            write(request, command);
            long start = System.nanoTime();
            while (true) {
                long waited = System.nanoTime() - start;
                if (Files.exists(reply)) {
                    String answer = Files.readString(reply, StandardCharsets.UTF_8);
                    Files.deleteIfExists(reply);
                    return answer;
                }
                if (Files.exists(request) && waited > PICK_UP.toNanos()) {
                    Files.deleteIfExists(request);
                    throw new IllegalStateException("no running stack answers in " + dataDirectory
                            + " (start one with ./suite up -d)");
                }
                if (waited > timeout.toNanos()) {
                    throw new IllegalStateException("no answer within " + timeout.toSeconds() + " s; see "
                            + dataDirectory.resolve("logs"));
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
