package fr.capemploi.systemtests;

import fr.capemploi.localstack.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An operator's {@code ./suite} command, run through the same {@link Main} against a stack's data folder. */
record SuiteCommand(int exit, String out, String err) {

    static SuiteCommand run(Path data, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Main(Map.of("SUITE_DATA_DIR", data.toAbsolutePath().toString(), "SUITE_SKIP_BUILD", "1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
        return new SuiteCommand(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
