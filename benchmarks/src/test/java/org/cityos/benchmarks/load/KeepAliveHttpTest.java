package org.cityos.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class KeepAliveHttpTest {
    /** Answers each request on a connection in turn with the next canned answer; records request heads. */
    private static final class Server implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final List<String> heads = new CopyOnWriteArrayList<>();
        final List<Integer> connections = new CopyOnWriteArrayList<>();

        Server(List<String> answers, boolean closeAfterFirst) throws IOException {
            Thread t = new Thread(() -> {
                int next = 0;
                try {
                    while (next < answers.size()) {
                        try (Socket s = socket.accept()) {
                            connections.add(s.getPort());
                            BufferedReader in = new BufferedReader(
                                    new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                            OutputStream out = s.getOutputStream();
                            while (next < answers.size()) {
                                StringBuilder head = new StringBuilder();
                                int length = 0;
                                for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                                    head.append(l).append('\n');
                                    if (l.toLowerCase().startsWith("content-length:")) {
                                        length =
                                                Integer.parseInt(l.substring(15).trim());
                                    }
                                }
                                if (head.isEmpty()) {
                                    break;
                                }
                                char[] body = new char[length];
                                in.read(body, 0, length);
                                heads.add(head + new String(body));
                                out.write(answers.get(next++).getBytes(StandardCharsets.UTF_8));
                                out.flush();
                                if (closeAfterFirst) {
                                    break;
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    // test over
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void readsSizedAndChunkedAnswersOnOneKeptAliveConnection() throws Exception {
        String sized = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"a\":\"中\"}";
        String chunked =
                "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"b\"\r\n3\r\n:1}\r\n0\r\n\r\n";
        try (Server server = new Server(List.of(sized, chunked), false);
                KeepAliveHttp http = new KeepAliveHttp(server.port())) {
            assertThat(http.get("/x", Map.of("X-Share-Key", "k1"), 200).text()).isEqualTo("{\"a\":\"中\"}");
            KeepAliveHttp.Answer created = http.exchange("POST", "/y", Map.of(), "{\"z\":2}", 201);
            assertThat(created.text()).isEqualTo("{\"b\":1}");
            assertThat(server.connections).hasSize(1);
            assertThat(server.heads.get(0)).startsWith("GET /x HTTP/1.1").contains("X-Share-Key: k1");
            assertThat(server.heads.get(1)).contains("Content-Length: 7").endsWith("{\"z\":2}");
        }
    }

    @Test
    void anUnexpectedStatusFailsWithTheAnswersStartAndAClosedConnectionIsReopenedForAGet() throws Exception {
        List<String> answers = new ArrayList<>();
        answers.add("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        answers.add("HTTP/1.1 429 Too Many Requests\r\nContent-Length: 9\r\n\r\nslow down");
        try (Server server = new Server(answers, true);
                KeepAliveHttp http = new KeepAliveHttp(server.port())) {
            assertThat(http.get("/a", Map.of(), 200).text()).isEqualTo("ok");
            assertThatThrownBy(() -> http.get("/b", Map.of(), 200))
                    .hasMessageContaining("HTTP 429")
                    .hasMessageContaining("slow down");
            assertThat(server.connections).hasSize(2);
        }
    }
}
