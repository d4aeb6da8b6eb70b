package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fixed-rate POSTs with a bearer token per device against a loopback HTTP server that counts them. */
class HttpLoadIT {
    @Test
    void postsEveryMessageWithItsDevicesTokenAndCountsRejectionsAsFailures() throws Exception {
        Map<String, AtomicInteger> byToken = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ingest", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes());
            byToken.computeIfAbsent(auth, k -> new AtomicInteger()).incrementAndGet();
            int status = "Bearer token-3".equals(auth) ? 401 : body.contains("\"sentAt\":") ? 202 : 400;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ingest");
            HttpLoad load = new HttpLoad(
                    HttpLoad.client(), uri, DeviceLogin.synthetic(4), HttpLoad.TELEMETRY, 4, Duration.ofSeconds(5));

            LoadRun run = load.run(200, Duration.ofSeconds(1), Duration.ofSeconds(5));

            assertThat(run.offered()).isEqualTo(200);
            assertThat(run.acked()).isEqualTo(150);
            assertThat(run.failed()).isEqualTo(50);
            assertThat(run.firstError()).contains("HTTP 401");
            assertThat(byToken)
                    .containsOnlyKeys("Bearer token-0", "Bearer token-1", "Bearer token-2", "Bearer token-3");
            assertThat(byToken.values()).allMatch(count -> count.get() == 50);
        } finally {
            server.stop(0);
        }
    }
}
