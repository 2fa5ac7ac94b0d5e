package fr.capemploi.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback port probing and allocation, below the kernel's ephemeral range (Linux: 32768-60999). A port the kernel
 * picks for a bind to port 0 comes from that range, which every outgoing connection of the machine draws from too: in
 * the moment before a broker or a service binds the port it was handed, a client socket of another process (two
 * system-test stacks start side by side) could take it, and the broker failed with "Address already in use". Ports
 * are handed out in order from a random start in 20000-31999, each probed free first: the kernel hands none of them
 * to outgoing connections, and two stacks starting at once begin far apart.
 */
final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int END = 32_000;

    private final Set<Integer> handedOut = new HashSet<>();
    private int cursor = FIRST + ThreadLocalRandom.current().nextInt(END - FIRST);

    /**
     * A port free right now. The small window before the child binds it is acceptable for tests; remembering what
     * was handed out avoids giving the same port twice within one stack.
     */
    synchronized int next() {
        for (int attempt = 0; attempt < END - FIRST; attempt++) {
            int port = cursor;
            cursor = cursor + 1 == END ? FIRST : cursor + 1;
            if (!handedOut.contains(port) && isFree(port, false)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port found between " + FIRST + " and " + END);
    }

    static boolean isFree(int port) {
        return isFree(port, true);
    }

    private static boolean isFree(int port, boolean reuseAddress) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(reuseAddress);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
