package org.cityos.simulator.citizens;

import static org.cityos.simulator.citizens.DeskSession.id;
import static org.cityos.simulator.citizens.DeskSession.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cityos.kernel.GeoPoint;
import tools.jackson.databind.JsonNode;

/**
 * The grid workers' desk over CityOS's public HTTP API, each call as the grid worker: reports through
 * {@code POST /api/casework/intake/grid} (idempotent by report id), photos through
 * {@code POST /api/casework/cases/{id}/attachments} (stage and GPS as parameters), the grid's replied cases through
 * {@code GET /api/casework/cases?status=REPLIED&division=<grid>}, and the check through
 * {@code POST /api/casework/cases/{id}/verify} with {@code If-Match}.
 */
public final class HttpPatrolDesk implements PatrolDesk {
    private final DeskSession session;

    /** {@code passwords} answers each grid worker's password by user name. */
    public HttpPatrolDesk(URI base, Function<String, String> passwords) {
        this.session = new DeskSession(base, passwords);
    }

    @Override
    public Filed report(String user, GridReport r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", r.reportId());
        body.put("title", r.title());
        body.put("content", r.content());
        body.put("category", r.category());
        body.put("lon", r.point().lon());
        body.put("lat", r.point().lat());
        JsonNode answer = session.post(user, "/api/casework/intake/grid", body);
        return new Filed(id(answer.get("id")), answer.path("created").asBoolean());
    }

    @Override
    public void attachPhoto(String user, String caseId, SitePhoto photo) {
        session.upload(
                user,
                "/api/casework/cases/" + caseId + "/attachments?stage=" + photo.stage() + "&lon="
                        + photo.at().lon() + "&lat=" + photo.at().lat(),
                photo.fileName(),
                "image/jpeg",
                photo.jpeg());
    }

    @Override
    public List<OnSiteCheck> awaitingOnSiteCheck(String user, String grid) {
        List<OnSiteCheck> out = new ArrayList<>();
        for (JsonNode c : session.get(user, "/api/casework/cases?status=REPLIED&division=" + grid + "&limit=100")
                .path("items")) {
            out.add(check(c));
        }
        return out;
    }

    @Override
    public Optional<OnSiteCheck> current(String user, String caseId) {
        try {
            return Optional.of(check(session.get(user, "/api/casework/cases/" + caseId)));
        } catch (CaseworkDesk.DeskRefused e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void verifyOnSite(String user, OnSiteCheck check, Verdict verdict) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("passed", verdict.passed());
        body.put("solved", verdict.passed());
        body.put("lon", verdict.at().lon());
        body.put("lat", verdict.at().lat());
        body.put("note", verdict.note());
        session.post(user, "/api/casework/cases/" + check.caseId() + "/verify", body, check.version());
    }

    private static OnSiteCheck check(JsonNode c) {
        JsonNode place = c.path("place");
        JsonNode point = place.path("point");
        return new OnSiteCheck(
                id(c.get("id")),
                text(c, "channel"),
                text(c, "status"),
                text(place, "grid"),
                point.isObject()
                        ? GeoPoint.of(
                                point.path("lon").asDouble(), point.path("lat").asDouble())
                        : null,
                c.path("version").asInt());
    }
}
