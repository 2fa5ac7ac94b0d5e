package fr.capemploi.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One line per component with its state and the time it has taken. On a terminal the block is redrawn in place
 * while the stack starts; otherwise (CI, a pipe, {@code up -d}) each change is printed as a new line.
 */
final class ProgressBoard implements StackListener {

    private static final int NAME_WIDTH = 20;

    private final PrintStream out;
    private final boolean redraw;
    private final long origin = System.nanoTime();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;
    private boolean live;
    private int drawnLines;

    ProgressBoard(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    /** Whether this output is a terminal that understands cursor movement. */
    static boolean terminalCanRedraw() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !"dumb".equals(term);
    }

    synchronized void beginStartup() {
        live = redraw;
        if (live) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "progress-board");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::redrawNow, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    /** Freezes the block; later changes (a service dying, shutdown) are printed line by line. */
    synchronized void endStartup() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (live) {
            draw();
        }
        live = false;
    }

    @Override
    public synchronized void stateChanged(String component, ComponentState state, String detail) {
        Row row = rows.computeIfAbsent(component, name -> new Row());
        long now = System.nanoTime();
        if (state == ComponentState.STARTING || state == ComponentState.STOPPING) {
            row.since = now;
            row.took = null;
        } else if (row.since != 0 && state != ComponentState.WAITING) {
            row.took = Duration.ofNanos(now - row.since);
        }
        row.state = state;
        row.detail = firstLine(detail);
        if (live) {
            draw();
        } else if (state != ComponentState.WAITING) {
            out.println(String.format(Locale.ROOT, "[%6.1fs] %s", seconds(now - origin), format(component, row, now)));
            if (state == ComponentState.FAILED && detail != null && detail.contains("\n")) {
                // a component that died after start-up: the end of its log, indented under its line
                detail.lines().skip(1).forEach(line -> out.println("           | " + line));
            }
            out.flush();
        }
    }

    private synchronized void redrawNow() {
        if (live) {
            draw();
        }
    }

    private void draw() {
        long now = System.nanoTime();
        StringBuilder frame = new StringBuilder();
        if (drawnLines > 0) {
            // back to the first line of the block, which is then overwritten line by line
            frame.append("\u001b[").append(drawnLines).append('F');
        }
        List<String> lines = new ArrayList<>();
        rows.forEach((component, row) -> lines.add(format(component, row, now)));
        lines.add(String.format(Locale.ROOT, "  %-" + NAME_WIDTH + "s %.1fs", "elapsed", seconds(now - origin)));
        for (String line : lines) {
            frame.append("\u001b[2K").append(line).append(System.lineSeparator());
        }
        drawnLines = lines.size();
        out.print(frame);
        out.flush();
    }

    private static String format(String component, Row row, long now) {
        String time;
        if (row.took != null) {
            time = String.format(Locale.ROOT, "%5.1fs", row.took.toNanos() / 1e9);
        } else if (row.since != 0 && (row.state == ComponentState.STARTING || row.state == ComponentState.STOPPING)) {
            time = String.format(Locale.ROOT, "%5.1fs", seconds(now - row.since));
        } else {
            time = "      ";
        }
        String line = String.format(Locale.ROOT, "  %-" + NAME_WIDTH + "s %-9s %s  %s", component,
                row.state.label(), time, row.detail);
        return line.stripTrailing();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String firstLine(String detail) {
        if (detail == null) {
            return "";
        }
        int newline = detail.indexOf('\n');
        String first = newline < 0 ? detail : detail.substring(0, newline);
        return first.length() > 110 ? first.substring(0, 107) + "..." : first;
    }

    private static final class Row {
        ComponentState state = ComponentState.WAITING;
        String detail = "";
        long since;
        Duration took;
    }
}
