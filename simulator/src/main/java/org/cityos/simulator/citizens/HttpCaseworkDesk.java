package org.cityos.simulator.citizens;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The casework desk over CityOS's public HTTP API: hotline tickets as the call-centre operator
 * ({@code POST /api/casework/intake/hotline}), Open311 requests without login, and the handlers' inbox and case
 * actions as each handler user. Users log in once with the given password; an expired session logs in again.
 */
public final class HttpCaseworkDesk implements CaseworkDesk {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final java.util.function.Function<String, String> passwords;
    private final String hotlineUser;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** {@code hotlineUser} files the 12345 tickets (an operator, or the call centre's account). */
    public HttpCaseworkDesk(URI base, String hotlineUser, String password) {
        this(base, hotlineUser, user -> password);
    }

    /** As above, with each user's own password ({@code passwords} answers it by user name). */
    public HttpCaseworkDesk(URI base, String hotlineUser, java.util.function.Function<String, String> passwords) {
        this.base = base;
        this.hotlineUser = hotlineUser;
        this.passwords = passwords;
    }

    @Override
    public String file(CitizenRequest r) {
        if (r.channel() == CitizenRequest.Channel.OPEN311) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("service_code", r.open311Service());
            form.put("lat", Double.toString(r.point().lat()));
            form.put("long", Double.toString(r.point().lon()));
            form.put("description", r.title() + "：" + r.content());
            form.put("first_name", r.callerName());
            form.put("phone", r.callerPhone());
            String body = String.join(
                    "&",
                    form.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .toList());
            HttpRequest.Builder post = HttpRequest.newBuilder(base.resolve("/open311/v2/requests.json"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            return send("open311 " + r.ticket(), post)
                    .get(0)
                    .get("service_request_id")
                    .asString();
        }
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("ticket", r.ticket());
        call.put("requestType", "COMPLAINT");
        call.put("title", r.title());
        call.put("content", r.content());
        call.put("category", r.category());
        call.put("lon", r.point().lon());
        call.put("lat", r.point().lat());
        call.put("callerName", r.callerName());
        call.put("callerPhone", r.callerPhone());
        return post(hotlineUser, "/api/casework/intake/hotline", call).get("id").asString();
    }

    @Override
    public List<InboxEntry> inbox(String user) {
        JsonNode items =
                send("inbox of " + user, authorised(user, "/api/casework/inbox").GET(), user);
        List<InboxEntry> out = new ArrayList<>();
        for (JsonNode i : items) {
            out.add(new InboxEntry(
                    id(i.get("caseId")),
                    text(i, "categoryCode"),
                    text(i, "status"),
                    text(i, "unit"),
                    text(i, "role"),
                    text(i, "assignment"),
                    instant(i, "assignedAt"),
                    instant(i, "responseDue"),
                    instant(i, "resolutionDue"),
                    i.path("version").asInt()));
        }
        return out;
    }

    @Override
    public void act(String user, InboxEntry entry, HandlerAction action) {
        String path = "/api/casework/cases/" + entry.caseId() + "/";
        switch (action) {
            case SIGN -> post(user, path + "sign", Map.of());
            case START -> post(user, path + "start", Map.of("note", "已安排人员处置"));
            case REPLY -> post(user, path + "reply", Map.of("reply", "已现场处置完毕"));
            case RETURN -> post(user, path + "return", Map.of("reason", "不属于本单位职责"));
            case WAIT -> {
                // nothing to send
            }
        }
    }

    @Override
    public List<String> awaitingFollowUp(String operator) {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : send(
                        "replied cases",
                        authorised(operator, "/api/casework/cases?status=REPLIED&limit=200")
                                .GET(),
                        operator)
                .path("items")) {
            ids.add(id(c.get("id")));
        }
        return ids;
    }

    @Override
    public void followUp(String operator, String caseId, FollowUp verdict) {
        post(
                operator,
                "/api/casework/cases/" + caseId + "/verify",
                Map.of(
                        "passed", verdict.passed(),
                        "solved", verdict.solved(),
                        "satisfaction", verdict.satisfaction(),
                        "note", verdict.passed() ? "回访：已解决" : "回访：未解决，退回重办"));
    }

    @Override
    public void close(String operator, String caseId) {
        post(operator, "/api/casework/cases/" + caseId + "/close", Map.of());
    }

    private JsonNode post(String user, String path, Object body) {
        HttpRequest.Builder b = authorised(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send("POST " + path + " as " + user, b, user);
    }

    private HttpRequest.Builder authorised(String user, String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(user, this::login));
    }

    private String login(String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("username", user, "password", passwords.apply(user)))));
        return send("login of " + user, b).get("token").asString();
    }

    private JsonNode send(String call, HttpRequest.Builder request, String user) {
        try {
            return send(call, request);
        } catch (DeskRefused e) {
            if (e.status() != 401) {
                throw e;
            }
            tokens.remove(user);
            return send(
                    call, request.setHeader("Authorization", "Bearer " + tokens.computeIfAbsent(user, this::login)));
        }
    }

    private JsonNode send(String call, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new DeskRefused(call, r.statusCode(), r.body());
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(call + " interrupted", e);
        }
    }

    private static String id(JsonNode node) {
        return node.isObject() ? node.path("value").asString() : node.asString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : Instant.parse(v);
    }
}
