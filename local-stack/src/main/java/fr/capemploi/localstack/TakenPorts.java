package fr.capemploi.localstack;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads from a service's log whether it died because a port it was to listen on was taken, and which. */
final class TakenPorts {

    /**
     * Quarkus's words when a listener cannot bind: "Port 9094 seems to be in use by another process", "Port already
     * bound: 9094", "Port(s) already bound: 8084, 9094", "Unable to bind to host: 127.0.0.1 and port: 9094".
     */
    private static final Pattern NAMED = Pattern.compile(
            "Port (\\d+) seems to be in use|Ports? already bound: ([\\d, ]+)|Port\\(s\\) already bound: ([\\d, ]+)"
                    + "|Unable to bind to host: \\S+ and port: (\\d+)");

    private static final String UNNAMED = "Address already in use";

    private TakenPorts() {
    }

    /**
     * Those of {@code ports} that {@code log} names as taken; all of them when it says an address was in use without
     * naming the port; none when it says nothing of the kind.
     */
    static Set<Integer> named(String log, Set<Integer> ports) {
        Set<Integer> taken = new LinkedHashSet<>();
        Matcher matcher = NAMED.matcher(log);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                String numbers = matcher.group(group);
                if (numbers != null) {
                    for (String number : numbers.split("[,\\s]+")) {
                        if (!number.isEmpty() && ports.contains(Integer.parseInt(number))) {
                            taken.add(Integer.parseInt(number));
                        }
                    }
                }
            }
        }
        if (taken.isEmpty() && log.contains(UNNAMED)) {
            return Set.copyOf(ports);
        }
        return taken;
    }
}
