package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cockpit in a real browser: Debian's Chromium, driven by {@code web/e2e/cockpit.mjs} (playwright-core from
 * web/node_modules), signs in as the operator and waits for the map to settle with device clusters and the KPI
 * cards to fill, then sends a gauge reading that raises an alarm and waits for it to show live, switches every map
 * layer off and on (each must show in the map's style, with features where the demo has some) and looks at the
 * cockpit at 3840×2160 and 1920×1080; screenshots land in {@code app/target/e2e/} as test artifacts.
 */
class CockpitBrowserSystemTest extends SystemTest {
    private static final String[] SHOT_NAMES = {
        "01-sign-in.png",
        "02-cockpit.png",
        "03-live-alarm.png",
        "04-cockpit-en.png",
        "05-cockpit-layers.png",
        "06-cockpit-4k.png",
        "07-cockpit-1080.png"
    };

    @Test
    void theOperatorSignsInAndSeesTheCockpitInChinese() throws IOException, InterruptedException {
        BrowserScript browser = BrowserScript.prepare("e2e/cockpit.mjs", SHOT_NAMES);
        String steward = api.login("steward", DEMO_PASSWORD);
        String operator = api.login("operator", DEMO_PASSWORD);
        // In 长子营镇, far from the other system tests' devices: the case this alarm opens is no duplicate of theirs.
        registerDevice(steward, "waterlogging-level", "WL-COCKPIT-1", 116.581, 39.701);
        String gauge = registerDevice(steward, "waterlogging-level", "WL-COCKPIT-2", 116.580, 39.700);
        // Scoped to this gauge: the other system tests share this CityOS and count the alarms of their own devices.
        Api.Response enabled = api.post(
                "/api/alerting/templates/waterlogging/enable",
                operator,
                Map.of("scope", Map.of("devices", List.of(gauge))));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(201);
        String gaugeToken = issueToken(steward, gauge);
        // A dry reading first, so the browser's wet one is a crossing.
        Api.Response dry = api.raw(
                "POST",
                "/api/ingest/telemetry",
                gaugeToken,
                Map.of("Content-Type", "application/json"),
                "{\"currentLevel\": 0.08}".getBytes(StandardCharsets.UTF_8));
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);

        String said = browser.with("COCKPIT_DEVICE_TOKEN", gaugeToken)
                .with("COCKPIT_READING", "{\"currentLevel\": 0.31}")
                .run(port, Duration.ofMinutes(3));
        assertThat(said)
                .contains("signInToIdleMs")
                .contains("\"liveMs\":")
                .contains("\"layer\":\"roads\"")
                .contains("\"layer\":\"casesHeat\"")
                .contains("\"at2160\":");
    }
}
