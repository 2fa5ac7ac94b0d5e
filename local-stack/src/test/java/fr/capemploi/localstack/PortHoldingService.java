package fr.capemploi.localstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Stands in for a packaged service in {@link ServiceProcessPortsTest}: listens on {@code HTTP_PORT} and answers
 * {@code /q/health/ready} on {@code MANAGEMENT_PORT}, and when a port is taken, says so in Quarkus's words and exits
 * with 1, as a service does.
 */
public final class PortHoldingService {

    private PortHoldingService() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer api = bind(Integer.parseInt(System.getenv("HTTP_PORT")));
        HttpServer management = bind(Integer.parseInt(System.getenv("MANAGEMENT_PORT")));
        management.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        api.start();
        management.start();
        System.out.println("listening on " + api.getAddress().getPort() + " and " + management.getAddress().getPort());
    }

    private static HttpServer bind(int port) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            System.out.println("ERROR [io.quarkus.runtime.Application] Port " + port + " seems to be in use by another "
                    + "process. Quarkus may already be running or the port is used by another application.");
            System.exit(1);
            throw e;
        }
    }
}
