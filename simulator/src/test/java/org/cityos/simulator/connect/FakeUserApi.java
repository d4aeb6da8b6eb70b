package org.cityos.simulator.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * CityOS's user and division API as far as the staff's enlisting uses it, on a local port: users (list, register,
 * reset password), sign-in and password change, grids (list, boundary: a small square each). It counts the bcrypt
 * hashes the real CityOS would spend on each call, and records every call.
 */
final class FakeUserApi implements AutoCloseable {
    /** A registered user: name, id, display name, scope, and the password given at registration (null if none). */
    record User(String name, String id, String displayName, JsonNode scope, String password) {}

    final Map<String, User> users = new LinkedHashMap<>();
    final List<String> grids = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    int hashes;
    private final HttpServer server;

    FakeUserApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A user an earlier run left behind. */
    void existing(String name) {
        users.put(name, new User(name, "id-" + name, name, null, "an earlier run's"));
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getQuery();
        calls.add(method + " " + path);
        JsonNode body = method.equals("POST")
                ? CityOsClient.JSON.readTree(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                : null;
        Object answer;
        if (method.equals("POST") && path.equals("/api/auth/login")) {
            hashes++;
            answer = Map.of("token", "t-" + body.path("username").asString());
        } else if (method.equals("POST") && path.equals("/api/auth/password")) {
            hashes += 3; // the current password checked, the new one compared and hashed
            answer = Map.of();
        } else if (method.equals("POST") && path.equals("/api/users")) {
            hashes++; // the given password, or the generated one-time password
            String name = body.path("username").asString();
            users.put(
                    name,
                    new User(
                            name,
                            "id-" + name,
                            body.path("displayName").asString(),
                            body.path("scope"),
                            body.has("password") ? body.path("password").asString() : null));
            answer = Map.of("user", Map.of("username", name));
        } else if (method.equals("POST") && path.endsWith("/reset-password")) {
            hashes++;
            answer = Map.of("oneTimePassword", "One-time-1234");
        } else if (path.equals("/api/users")) {
            answer = page(users.values().stream()
                    .map(u -> Map.of("username", u.name(), "id", u.id()))
                    .toList());
        } else if (path.equals("/api/divisions") && query.contains("level=GRID")) {
            answer = page(grids.stream()
                    .map(g -> Map.of("code", g, "name", "测试社区第" + g.substring(12) + "网格"))
                    .toList());
        } else if (path.matches("/api/divisions/\\d{15}/boundary")) {
            double west = 116.30 + (Integer.parseInt(path.substring(27, 30)) % 50) * 0.01;
            answer = Map.of(
                    "type",
                    "Feature",
                    "geometry",
                    Map.of(
                            "type",
                            "Polygon",
                            "coordinates",
                            List.of(List.of(
                                    List.of(west, 39.70),
                                    List.of(west + 0.005, 39.70),
                                    List.of(west + 0.005, 39.705),
                                    List.of(west, 39.705),
                                    List.of(west, 39.70)))));
        } else {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
        }
        byte[] out = CityOsClient.JSON.writeValueAsBytes(answer);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    /** Everything on one page: the enlisting asks for 1,000 at a time. */
    private static Map<String, Object> page(List<?> items) {
        return Map.of("items", items, "total", items.size(), "offset", 0, "limit", 1000);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
