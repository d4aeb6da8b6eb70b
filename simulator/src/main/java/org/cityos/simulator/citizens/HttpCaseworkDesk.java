package org.cityos.simulator.citizens;

import static org.cityos.simulator.citizens.DeskSession.id;
import static org.cityos.simulator.citizens.DeskSession.instant;
import static org.cityos.simulator.citizens.DeskSession.text;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The casework desk over CityOS's public HTTP API: hotline tickets as the call-centre operator
 * ({@code POST /api/casework/intake/hotline}), Open311 requests without login, the handlers' inbox and case
 * actions as each handler user, and the follow-up desk's calls, verifications and closures. Users log in once with
 * the given password; an expired session logs in again.
 */
public final class HttpCaseworkDesk implements CaseworkDesk {
    /** Channels whose replied cases the centre follows up by a call; the others are checked on site. */
    private static final List<String> FOLLOWED_UP_BY_CALL = List.of("HOTLINE", "OPEN311", "OPERATOR");

    private final DeskSession session;
    private final String hotlineUser;

    /** {@code hotlineUser} files the 12345 tickets (an operator, or the call centre's account). */
    public HttpCaseworkDesk(URI base, String hotlineUser, String password) {
        this(base, hotlineUser, user -> password);
    }

    /** As above, with each user's own password ({@code passwords} answers it by user name). */
    public HttpCaseworkDesk(URI base, String hotlineUser, Function<String, String> passwords) {
        this.session = new DeskSession(base, passwords);
        this.hotlineUser = hotlineUser;
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
            HttpRequest.Builder post = session.request("/open311/v2/requests.json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            return session.send("open311 " + r.ticket(), post)
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
        return session.post(hotlineUser, "/api/casework/intake/hotline", call)
                .get("id")
                .asString();
    }

    @Override
    public List<InboxEntry> inbox(String user) {
        JsonNode items = session.get(user, "/api/casework/inbox");
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
            case SIGN -> session.post(user, path + "sign", Map.of());
            case START -> session.post(user, path + "start", Map.of("note", "已安排人员处置"));
            case REPLY -> session.post(user, path + "reply", Map.of("reply", "已现场处置完毕"));
            case RETURN -> session.post(user, path + "return", Map.of("reason", "不属于本单位职责"));
            case WAIT -> {
                // nothing to send
            }
        }
    }

    @Override
    public List<String> awaitingFollowUp(String operator) {
        List<String> ids = new ArrayList<>();
        for (String channel : FOLLOWED_UP_BY_CALL) {
            ids.addAll(ids(operator, "/api/casework/cases?status=REPLIED&channel=" + channel + "&limit=200"));
        }
        return ids;
    }

    @Override
    public void followUp(String operator, String caseId, FollowUp verdict) {
        session.post(
                operator,
                "/api/casework/cases/" + caseId + "/verify",
                Map.of(
                        "passed", verdict.passed(),
                        "solved", verdict.solved(),
                        "satisfaction", verdict.satisfaction(),
                        "note", verdict.passed() ? "回访：已解决" : "回访：未解决，退回重办"));
    }

    @Override
    public List<String> awaitingClosure(String operator) {
        return ids(operator, "/api/casework/cases?status=VERIFIED&limit=200");
    }

    @Override
    public void close(String operator, String caseId) {
        session.post(operator, "/api/casework/cases/" + caseId + "/close", Map.of());
    }

    private List<String> ids(String user, String search) {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : session.get(user, search).path("items")) {
            ids.add(id(c.get("id")));
        }
        return ids;
    }
}
