package org.cityos.simulator.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts expected effects through CityOS's public API as a district-wide reader (an operator): alarms of the rules made
 * from a template, cases by channel and category, hot spots, overdue and supervised cases — each only since the
 * scenario started, so that what other activity left behind does not count.
 */
public final class HttpEffectCounter implements EffectCounter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 500;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String user;
    private final String password;
    private String token;

    public HttpEffectCounter(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    @Override
    public synchronized long count(Expectation e, Instant since) {
        return switch (e.effect()) {
            case ALARMS -> alarms(e.filter("template"), since);
            case CASES ->
                get("/api/casework/cases", query(e, since, "channel", "category"))
                        .path("total")
                        .asLong();
            case HOTSPOTS -> hotSpots(e.filter("category"), since);
            case OVERDUE ->
                get("/api/casework/cases", query(e, since, "unit", "category") + "&overdue=true")
                        .path("total")
                        .asLong();
            case SUPERVISED -> supervised(e, since);
        };
    }

    private long alarms(String template, Instant since) {
        long n = 0;
        for (JsonNode rule : get("/api/alerting/rules", "template=" + encode(template))) {
            String id = rule.path("id").asString();
            n += get("/api/alerting/alarms", "rule=" + encode(id) + "&from=" + since + "&limit=" + PAGE)
                    .path("items")
                    .size();
        }
        return n;
    }

    private long hotSpots(String category, Instant since) {
        long n = 0;
        for (JsonNode h : get("/api/casework/hotspots", "limit=" + PAGE).path("items")) {
            boolean recent = !Instant.parse(h.path("lastAt").asString()).isBefore(since);
            if (recent
                    && (category == null
                            || category.equals(h.path("categoryCode").asString()))) {
                n++;
            }
        }
        return n;
    }

    private long supervised(Expectation e, Instant since) {
        long n = 0;
        for (JsonNode c : get("/api/casework/cases", query(e, since, "unit", "category") + "&limit=" + PAGE)
                .path("items")) {
            if (c.path("supervisions").asInt() > 0) {
                n++;
            }
        }
        return n;
    }

    private static String query(Expectation e, Instant since, String... keys) {
        List<String> parts = new ArrayList<>(List.of("from=" + since));
        for (String key : keys) {
            if (e.filter(key) != null) {
                parts.add(key + "=" + encode(e.filter(key)));
            }
        }
        return String.join("&", parts);
    }

    private JsonNode get(String path, String query) {
        HttpResponse<String> r = send(get(path, query, token != null ? token : (token = login())));
        if (r.statusCode() == 401) { // the session expired: log in again, once
            token = login();
            r = send(get(path, query, token));
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + "?" + query + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpRequest get(String path, String query, String bearer) {
        return HttpRequest.newBuilder(base.resolve(path + "?" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
    }

    private String login() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("username", user, "password", password))))
                .build();
        HttpResponse<String> r = send(request);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("token").asString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
