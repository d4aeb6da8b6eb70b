package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Monitoring as the operations centre uses it: templates, live alarms, their lifecycle, dry runs, bad rules. */
class AlertingSystemTest extends SystemTest {

    void send(String deviceToken, String json) {
        Api.Response r = api.raw(
                "POST",
                "/api/ingest/telemetry",
                deviceToken,
                Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    JsonNode alarmsOf(String token, String deviceId) {
        return api.get("/api/alerting/alarms?device=" + deviceId, token).json().get("items");
    }

    @Test
    void aTemplateRuleTurnsAThresholdCrossingIntoAnAlarmThatOperatorsWork() {
        String operator = api.login("operator", DEMO_PASSWORD);
        String steward = api.login("steward", DEMO_PASSWORD);
        Api.Response templates = api.get("/api/alerting/templates", operator);
        assertThat(templates.status()).isEqualTo(200);
        assertThat(templates.json().findValuesAsString("code"))
                .contains("waterlogging", "hazmat-gas-leak", "elderly-sos");

        Api.Response enabled = api.post("/api/alerting/templates/waterlogging/enable", operator, "{}");
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(201);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();

        String id = registerDevice(steward, "waterlogging-level", "WL-ALARM-1", 116.34, 39.73);
        String deviceToken = issueToken(steward, id);
        send(deviceToken, "{\"currentLevel\": 0.08}");
        send(deviceToken, "{\"currentLevel\": 0.31}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alarmsOf(operator, id).size() == 1);
        JsonNode alarm = alarmsOf(operator, id).get(0);
        String alarmId = alarm.get("facts").get("alarmId").asString();
        assertThat(alarm.get("status").asString()).isEqualTo("RAISED");
        assertThat(alarm.get("facts").get("severity").asString()).isEqualTo("ORANGE");
        assertThat(alarm.get("facts").get("title").asString()).isEqualTo("积水 0.31 米");

        send(deviceToken, "{\"currentLevel\": 0.40}"); // still above: the same alarm, no second one
        Api.Response ack =
                api.post("/api/alerting/alarms/" + alarmId + "/acknowledge", operator, Map.of("note", "已派人"));
        assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
        assertThat(ack.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().get("acknowledgedBy").asString()).isNotBlank();
        assertThat(api.post("/api/alerting/alarms/" + alarmId + "/acknowledge", operator, "{}")
                        .status())
                .isEqualTo(409);

        send(deviceToken, "{\"currentLevel\": 0.05}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "CLEARED"
                        .equals(api.get("/api/alerting/alarms/" + alarmId, operator)
                                .json()
                                .get("status")
                                .asString()));
        JsonNode detail = api.get("/api/alerting/alarms/" + alarmId, operator).json();
        assertThat(detail.get("steps").findValuesAsString("action"))
                .containsExactly("RAISED", "ACKNOWLEDGED", "CLEARED");
        assertThat(alarmsOf(operator, id)).hasSize(1);

        // The lifecycle went out through the outbox, for casework's policies.
        long raised = jdbc.sql("SELECT count(*) FROM outbox_event WHERE type = 'alerting.alarm-raised' AND key = ?")
                .param(alarmId)
                .query(Long.class)
                .single();
        assertThat(raised).isEqualTo(1);

        // Another town does not see it; a leader sees it but may not handle it.
        String townB = api.login("town-b", DEMO_PASSWORD);
        assertThat(api.get("/api/alerting/alarms/" + alarmId, townB).status()).isEqualTo(404);
        String leader = api.login("leader", DEMO_PASSWORD);
        assertThat(api.get("/api/alerting/alarms/" + alarmId, leader).status()).isEqualTo(200);
        assertThat(api.post("/api/alerting/alarms/" + alarmId + "/resolve", leader, "{}")
                        .status())
                .isEqualTo(403);
        JsonNode summary = api.get("/api/alerting/alarms/summary", operator).json();
        assertThat(summary.get("raisedToday").get("ORANGE").asLong()).isGreaterThanOrEqualTo(1);

        // A dry run of a stricter draft over the last hour finds what it would have raised.
        Map<String, Object> draft = Map.of(
                "name",
                "积水试运行",
                "kind",
                "THRESHOLD",
                "severity",
                "YELLOW",
                "scope",
                Map.of("deviceTypes", List.of("waterlogging-level"), "devices", List.of(id)),
                "condition",
                "currentLevel > 0.3");
        Instant now = Instant.now();
        Api.Response dry = api.post(
                "/api/alerting/rules/dry-run?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60),
                operator,
                draft);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().get("alarms").asInt()).isEqualTo(1);
        assertThat(dry.json().get("subjects").get(0).get("deviceId").asString()).isEqualTo(id);
        assertThat(dry.json().get("readings").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void badRulesAreRefusedAtSaveWithThePositionAndReason() {
        String operator = api.login("operator", DEMO_PASSWORD);
        Map<String, Object> syntax = Map.of(
                "name",
                "坏规则",
                "kind",
                "THRESHOLD",
                "severity",
                "RED",
                "scope",
                Map.of("deviceTypes", List.of("rain-gauge")),
                "condition",
                "precipitation >> 3");
        Api.Response r = api.post("/api/alerting/rules", operator, syntax);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("condition").contains("第 1 行");

        Map<String, Object> unknown = Map.of(
                "name",
                "未知属性",
                "kind",
                "THRESHOLD",
                "severity",
                "RED",
                "scope",
                Map.of("deviceTypes", List.of("rain-gauge")),
                "condition",
                "rainfall > 3");
        JsonNode check =
                api.post("/api/alerting/rules/check", operator, unknown).json();
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("issues").get(0).get("column").asInt()).isEqualTo(1);
        assertThat(check.get("issues").get(0).get("reason").asString()).contains("rainfall");

        for (String window : List.of("PT0S", "P3650D")) {
            Map<String, Object> w = Map.of(
                    "name",
                    "窗口",
                    "kind",
                    "DURATION",
                    "severity",
                    "RED",
                    "scope",
                    Map.of("deviceTypes", List.of("rain-gauge")),
                    "condition",
                    "precipitation > 3",
                    "window",
                    window);
            Api.Response refused = api.post("/api/alerting/rules", operator, w);
            assertThat(refused.status()).as(window).isEqualTo(400);
            assertThat(refused.body()).contains("window").contains("时间窗口须在 10 秒至 31 天之间");
        }
        Map<String, Object> line = Map.of(
                "name",
                "围栏",
                "kind",
                "GEOFENCE",
                "severity",
                "RED",
                "scope",
                Map.of("deviceTypes", List.of("bus-gps-terminal")),
                "geofence",
                Map.of(
                        "trigger",
                        "EXIT",
                        "area",
                        Map.of(
                                "type",
                                "LineString",
                                "coordinates",
                                List.of(List.of(116.3, 39.6), List.of(116.4, 39.7)))));
        Api.Response notPolygon = api.post("/api/alerting/rules", operator, line);
        assertThat(notPolygon.status()).isEqualTo(400);
        assertThat(notPolygon.body()).contains("geofence.area").contains("LineString");
        assertThat(api.get("/api/alerting/rules", operator).json().findValuesAsString("name"))
                .doesNotContain("坏规则");
        // Nobody without the right may write rules.
        assertThat(api.post("/api/alerting/rules", api.login("leader", DEMO_PASSWORD), syntax)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void everyTemplateChecksCleanAgainstTheDeviceTypeCatalogue() {
        String operator = api.login("operator", DEMO_PASSWORD);
        JsonNode templates = api.get("/api/alerting/templates", operator).json();
        assertThat(templates.size()).isGreaterThanOrEqualTo(15);
        for (JsonNode t : templates) {
            JsonNode check = api.post(
                            "/api/alerting/rules/check",
                            operator,
                            t.get("draft").toString())
                    .json();
            List<String> faulty = check.get("issues").findValuesAsString("field");
            if (t.get("needs").toString().contains("geofence.area")) {
                assertThat(faulty).as(t.get("code").asString()).containsExactly("geofence.area");
            } else {
                assertThat(check.get("valid").asBoolean())
                        .as(t.get("code") + " " + check)
                        .isTrue();
            }
        }
    }
}
