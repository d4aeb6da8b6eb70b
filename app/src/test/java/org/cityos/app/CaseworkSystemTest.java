package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The closed loop as a district works it, over HTTP on the assembled app: a sensor's threshold crossing becomes an
 * alarm, the alarm a case by casework's default policy, dispatched by the default rule table to the water bureau
 * with city management as co-handler; each unit signs and replies from its inbox, the centre verifies on site and
 * closes, and the unit's rates count it. A hotline call and a public Open311 request take the same road.
 */
class CaseworkSystemTest extends SystemTest {
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    @Test
    void anAlarmBecomesACaseThatTwoDepartmentsWorkAndTheCentreClosesOnSite() {
        String operator = api.login("operator", DEMO_PASSWORD);
        String steward = api.login("steward", DEMO_PASSWORD);
        String water = api.login("dept-water", DEMO_PASSWORD);
        String urban = api.login("dept-urban", DEMO_PASSWORD);
        assertThat(api.post("/api/alerting/templates/waterlogging/enable", operator, "{}")
                        .status())
                .isEqualTo(201);
        String device = registerDevice(steward, "waterlogging-level", "WL-CASE-1", 116.34, 39.73);
        String deviceToken = issueToken(steward, device);
        Api.Response sent = api.raw(
                "POST",
                "/api/ingest/telemetry",
                deviceToken,
                Map.of("Content-Type", "application/json"),
                "{\"currentLevel\": 0.33}".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);

        // Another test may have enabled the same template before: then two rules raise two alarms, two cases.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/casework/cases?channel=ALARM&q=" + device, operator)
                                .json()
                                .get("total")
                                .asInt()
                        >= 1);
        JsonNode listed = api.get("/api/casework/cases?channel=ALARM&q=" + device, operator)
                .json()
                .get("items")
                .get(0);
        String id = listed.get("id").asString();
        assertThat(listed.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(listed.get("mainUnit").asString()).isEqualTo("dept:water");
        assertThat(listed.get("categoryCode").asString()).isEqualTo("E0405");
        assertThat(listed.get("urgency").asString()).isEqualTo("URGENT");

        assertThat(api.get("/api/casework/inbox", water).json().findValuesAsString("caseId"))
                .contains(id);
        assertThat(api.get("/api/casework/inbox", urban).json().findValuesAsString("caseId"))
                .contains(id);
        assertThat(api.get("/api/casework/notices", water).json().findValuesAsString("kind"))
                .contains("DISPATCHED");
        ok(api.post("/api/casework/cases/" + id + "/sign", water, "{}"));
        ok(api.post("/api/casework/cases/" + id + "/start", water, Map.of("note", "已派抽排车")));
        ok(api.post("/api/casework/cases/" + id + "/sign", urban, "{}"));
        ok(api.post("/api/casework/cases/" + id + "/reply", urban, Map.of("reply", "已设置警示围挡")));
        JsonNode replied = ok(api.post("/api/casework/cases/" + id + "/reply", water, Map.of("reply", "积水已抽排完毕")));
        assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
        assertThat(api.post("/api/casework/cases/" + id + "/reply", water, Map.of("reply", "again"))
                        .status())
                .isEqualTo(409);

        Api.Response photo = Multipart.file("file", "after.jpg", "image/jpeg", JPEG)
                .post(
                        api,
                        "/api/casework/cases/" + id + "/attachments?stage=VERIFY&lon=116.3401&lat=39.7301",
                        operator);
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        ok(api.post(
                "/api/casework/cases/" + id + "/verify",
                operator,
                Map.of("passed", true, "lon", 116.3402, "lat", 39.7302, "note", "现场核查积水已消除")));
        JsonNode closed = ok(api.post("/api/casework/cases/" + id + "/close", operator, "{}"));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("steps").findValuesAsString("action"))
                .containsSubsequence(
                        "RECEIVED",
                        "DISPATCHED",
                        "SIGNED",
                        "STARTED",
                        "CO_REPLIED",
                        "REPLIED",
                        "ATTACHED",
                        "VERIFIED",
                        "CLOSED");

        JsonNode rates = api.get("/api/casework/rates?by=unit", operator).json();
        JsonNode waterRow = null;
        for (JsonNode row : rates) {
            if (row.get("key").asString().equals("dept:water")) {
                waterRow = row;
            }
        }
        assertThat(waterRow).as(rates.toString()).isNotNull();
        assertThat(waterRow.get("dispatched").asLong()).isPositive();
        assertThat(waterRow.get("signedInTime").asLong()).isPositive();
        long audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE target_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(audited).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aHotlineCallAndAPublicRequestTakeTheSameRoad() {
        String operator = api.login("operator", DEMO_PASSWORD);
        String urban = api.login("dept-urban", DEMO_PASSWORD);
        Api.Response call = api.post(
                "/api/casework/intake/hotline",
                operator,
                Map.of(
                        "ticket",
                        "12345-SYS-1",
                        "requestType",
                        "COMPLAINT",
                        "title",
                        "井盖破损",
                        "content",
                        "小区门口上水井盖破损",
                        "category",
                        "0101",
                        "lon",
                        116.34,
                        "lat",
                        39.73,
                        "callerName",
                        "赵六",
                        "callerPhone",
                        "13600001111"));
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        String id = call.json().get("id").asString();
        assertThat(call.json().get("status").asString())
                .as("dispatched by the default rule table")
                .isEqualTo("DISPATCHED");
        JsonNode c = api.get("/api/casework/cases/" + id, operator).json();
        assertThat(c.get("mainUnit").asString()).isEqualTo("dept:urban-management");
        assertThat(c.get("caller").get("phone").asString()).isEqualTo("136****1111");
        assertThat(api.get("/api/casework/cases/" + id + "/caller", urban).status())
                .isEqualTo(403);
        assertThat(api.get("/api/casework/cases/" + id + "/caller", operator)
                        .json()
                        .get("phone")
                        .asString())
                .isEqualTo("13600001111");
        ok(api.post("/api/casework/cases/" + id + "/sign", urban, "{}"));
        ok(api.post("/api/casework/cases/" + id + "/reply", urban, Map.of("reply", "已更换井盖")));
        ok(api.post(
                "/api/casework/cases/" + id + "/verify",
                operator,
                Map.of("passed", true, "solved", true, "satisfaction", "SATISFIED", "note", "回访满意")));
        assertThat(ok(api.post("/api/casework/cases/" + id + "/close", operator, "{}"))
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");

        String form = "service_code=road-damage&lat=39.731&long=116.341&description="
                + URLEncoder.encode("路面有坑，电话13912345678", StandardCharsets.UTF_8) + "&first_name="
                + URLEncoder.encode("钱", StandardCharsets.UTF_8) + "&phone=13912345678";
        Api.Response posted = api.raw(
                "POST",
                "/open311/v2/requests.json",
                null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.toString()).isIn(200, 201);
        String number = posted.json().get(0).get("service_request_id").asString();
        Api.Response shown = api.get("/open311/v2/requests/" + number + ".json", null);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain("13912345678").contains("road-damage");
        assertThat(api.get("/api/casework/cases?channel=OPEN311&q=" + number, operator)
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/casework/inbox", null).status()).isEqualTo(401);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
