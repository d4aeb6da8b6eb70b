package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules page and the map tools in Debian's Chromium, driven by {@code web/e2e/rules-map.mjs}: the operator makes
 * a rule from a template, is shown a bad condition's position, fixes it, dry-runs it over the readings this test
 * sent (the would-be alarm on the map) and saves it; then searches a POI, clicks the map for its division and grid,
 * and switches a layer on. The bundled CJK font must have rendered the page. Screenshots land in app/target/e2e/.
 */
class RulesMapBrowserSystemTest extends SystemTest {
    private static final String[] SHOT_NAMES = {
        "rules-01-template.png",
        "rules-02-invalid.png",
        "rules-03-dry-run.png",
        "rules-04-saved.png",
        "map-01-search.png",
        "map-02-point.png",
        "map-03-layer-en.png"
    };

    @Test
    void theOperatorWritesARuleTriesItOnTheMapAndUsesTheMapTools() throws IOException, InterruptedException {
        BrowserScript browser = BrowserScript.prepare("e2e/rules-map.mjs", SHOT_NAMES);
        String steward = api.login("steward", DEMO_PASSWORD);
        String operator = api.login("operator", DEMO_PASSWORD);
        // Away from the other system tests' gauges: an alarm a live rule raises here opens no duplicate of their cases.
        String gauge = registerDevice(steward, "waterlogging-level", "WL-RULESMAP-1", 116.455, 39.662);
        String gaugeToken = issueToken(steward, gauge);
        // Rises above 0.3 twice with a dry spell between: the dry run of "currentLevel > 0.3" finds this gauge.
        for (String level : List.of("0.05", "0.34", "0.06", "0.41")) {
            Api.Response sent = api.raw(
                    "POST",
                    "/api/ingest/telemetry",
                    gaugeToken,
                    Map.of("Content-Type", "application/json"),
                    ("{\"currentLevel\": " + level + "}").getBytes(StandardCharsets.UTF_8));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        }
        // The readings reach the telemetry store in batches: the browser's dry run starts once they are there.
        Map<String, Object> draft = Map.of(
                "name", "积水试运行",
                "kind", "THRESHOLD",
                "severity", "YELLOW",
                "scope", Map.of("deviceTypes", List.of("waterlogging-level"), "devices", List.of(gauge)),
                "condition", "currentLevel > 0.3");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    Instant now = Instant.now();
                    Api.Response dry = api.post(
                            "/api/alerting/rules/dry-run?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60),
                            operator,
                            draft);
                    return dry.status() == 200 && dry.json().get("alarms").asInt() >= 1;
                });
        String poiName = api.get("/api/pois?limit=1", operator)
                .json()
                .get("items")
                .get(0)
                .get("name")
                .asString();

        String said =
                browser.with("RULES_DEVICE", gauge).with("MAP_QUERY", poiName).run(port, Duration.ofMinutes(3));
        assertThat(said).contains("\"dryRunAlarms\":").contains("\"grid\":\"1101");
        // What the browser saved is a rule of the template, scoped to this gauge.
        assertThat(api.get("/api/alerting/rules?template=waterlogging", operator)
                        .body())
                .contains(gauge)
                .contains("currentLevel > 0.3");
    }
}
