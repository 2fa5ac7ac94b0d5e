package fr.capemploi.localstack.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One blocking HTTP/1.1 connection kept open between requests, used by one loader thread at a time. The JDK's
 * {@code HttpClient} cost the loader about 1 ms of CPU per request (its selector thread, completable futures and
 * hand-offs between threads for every exchange), taken from the two cores the services need: here a request is one
 * write and its answer one or two reads on the caller's thread. It speaks the little the demo needs of HTTP/1.1 to
 * the suite's own services: a body of known length or chunked, and {@code Connection: close} honoured. Apache
 * HttpClient 5 classic, measured against it ({@code HttpClientCost} in the test sources, README "Load"), cost 1.3–1.5×
 * its CPU per request once warm.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** What came back: the status, the headers (names in lower case) and the body as text. */
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String authority;
    private boolean open = true;

    KeepAliveConnection(String host, int port, Duration connectTimeout, Duration readTimeout) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        authority = host + ":" + port;
    }

    boolean isOpen() {
        return open && !socket.isClosed();
    }

    /**
     * Sends one request and reads its whole answer. On any failure the connection is closed (its state is unknown):
     * the caller opens another one.
     */
    Response exchange(String method, URI uri, Map<String, String> headers, String body) throws IOException {
        try {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256 + 64 * headers.size());
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(authority)
                    .append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null || !"GET".equals(method)) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] request = new byte[headBytes.length + content.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            out.write(request);
            out.flush();
            return read("HEAD".equals(method));
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException("malformed answer from " + authority, e);
        }
    }

    private Response read(boolean headOnly) throws IOException {
        String statusLine = line();
        // "HTTP/1.1 201 Created"
        int space = statusLine.indexOf(' ');
        if (!statusLine.startsWith("HTTP/1.") || space < 0 || statusLine.length() < space + 4) {
            throw new IOException("not an HTTP answer from " + authority + ": " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(space + 1, space + 4));
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
        }
        byte[] body;
        String length = headers.get("content-length");
        boolean noBody = headOnly || status == 204 || status == 304 || (status >= 100 && status < 200);
        if (noBody) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
            if (body.length < Integer.parseInt(length)) {
                throw new EOFException("answer of " + authority + " cut short");
            }
        } else {
            // neither length nor chunks: the body ends with the connection
            body = in.readAllBytes();
            open = false;
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int extension = size.indexOf(';');
            int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (length == 0) {
                // trailers, then the blank line that ends the message
                while (!line().isEmpty()) {
                    // trailers carry nothing the demo reads
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new EOFException("chunk from " + authority + " cut short");
            }
            body.write(chunk);
            line();
        }
    }

    /** One header line, without its CRLF; ISO-8859-1 as HTTP/1.1 heads are. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection to " + authority + " closed");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a connection already broken
        }
    }
}
