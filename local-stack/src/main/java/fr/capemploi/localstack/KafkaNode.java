package fr.capemploi.localstack;

import java.io.PrintStream;

/**
 * The main class of a broker process ({@link KafkaBroker}): on a node's first start it formats the node's storage,
 * then runs the broker, in the same JVM. Formatting in a JVM of its own cost a JVM start more per node (2.3–2.5 CPU-s
 * with C1 alone, and the seconds of a start before the broker's own on a loaded machine), at every stack's first start.
 *
 * <p>Arguments: the broker's {@code server.properties}, then, only when the storage must be formatted first, the
 * cluster id to format it with.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) {
        String properties = args[0];
        if (args.length > 1) {
            PrintStream out = System.out;
            int exit = kafka.tools.StorageTool.execute(new String[] {"format", "--ignore-formatted", "-t", args[1],
                    "-c", properties}, out);
            if (exit != 0) {
                System.err.println("formatting the Kafka storage failed (exit " + exit + ")");
                System.exit(exit);
            }
        }
        kafka.Kafka.main(new String[] {properties});
    }
}
