package org.cityos.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A plain HTTP/1.1 client for load: one kept-alive socket per closed-loop thread, requests written as bytes, the
 * answer's status, headers and body (by {@code Content-Length} or chunked) read back. Java's {@code HttpClient}
 * costs the load generator about as much CPU per call as the server's whole request path (its selector thread,
 * futures and header maps), and on a two-core machine the generator's CPU is taken from the server under test; this
 * costs a few microseconds. It speaks only what CityOS answers on loopback: no TLS, no redirects, no 100-continue.
 * Not thread-safe: give each thread its own.
 */
public final class KeepAliveHttp implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** One answer: status and body bytes. */
    public record Answer(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public KeepAliveHttp(int port) {
        this.host = "127.0.0.1";
        this.port = port;
    }

    /** GET with the given extra headers; the answer must have {@code status}, else an exception with its start. */
    public Answer get(String path, Map<String, String> headers, int status) throws IOException {
        return exchange("GET", path, headers, null, status);
    }

    /** A request with a JSON body (or none when {@code json} is null). */
    public Answer exchange(String method, String path, Map<String, String> headers, String json, int status)
            throws IOException {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        byte[] head = head(method, path, headers, body);
        Answer answer;
        try {
            answer = send(head, body);
        } catch (IOException stale) {
            close();
            if (!method.equals("GET")) {
                throw stale; // a write may have been done: never sent twice
            }
            // The server closed an idle kept-alive connection: one fresh attempt, as browsers do.
            answer = send(head, body);
        }
        if (answer.status() != status) {
            String text = answer.text();
            throw new IOException("HTTP " + answer.status() + " from " + method + " " + path + " (expected " + status
                    + "): " + text.substring(0, Math.min(160, text.length())));
        }
        return answer;
    }

    private byte[] head(String method, String path, Map<String, String> headers, byte[] body) {
        StringBuilder s = new StringBuilder(256);
        s.append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port);
        s.append("\r\nAccept: application/json\r\n");
        headers.forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            s.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        return s.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private Answer send(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        if (body == null) {
            out.write(head);
        } else {
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            out.write(all);
        }
        out.flush();
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        byte[] content;
        if (chunked) {
            content = chunks();
        } else if (length >= 0) {
            content = in.readNBytes((int) length);
            if (content.length != length) {
                throw new EOFException("body cut short");
            }
        } else {
            content = in.readAllBytes();
            closing = true;
        }
        if (closing) {
            close();
        }
        return new Answer(status, content);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers, none expected
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new EOFException("chunk cut short");
            }
            body.write(chunk);
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int last = s.length() - 1;
                if (last >= 0 && s.charAt(last) == '\r') {
                    s.setLength(last);
                }
                return s.toString();
            }
            s.append((char) c);
        }
        throw new EOFException("connection closed");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        out = null;
        in = null;
    }
}
