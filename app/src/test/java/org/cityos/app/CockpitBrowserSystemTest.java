package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cockpit in a real browser: Debian's Chromium, driven by {@code web/e2e/cockpit.mjs} (playwright-core from
 * web/node_modules), signs in as the operator and waits for the map to settle with device clusters and the KPI
 * cards to fill, then sends a gauge reading that raises an alarm and waits for it to show live; screenshots land in {@code app/target/e2e/} as test artifacts.
 */
class CockpitBrowserSystemTest extends SystemTest {
    private static final Logger log = LoggerFactory.getLogger(CockpitBrowserSystemTest.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target", "e2e").toAbsolutePath();
    private static final String[] SHOT_NAMES = {
        "01-sign-in.png", "02-cockpit.png", "03-live-alarm.png", "04-cockpit-en.png"
    };

    @Test
    void theOperatorSignsInAndSeesTheCockpitInChinese() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at /usr/bin/chromium: ./cityos test installs it");
        assumeTrue(
                Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "web/node_modules is missing: build the web module without -Dskip.npm first");
        // Screenshots of an earlier run must not pass for this one's; other browser tests' shots are theirs to keep.
        for (String shot : SHOT_NAMES) {
            Files.deleteIfExists(SHOTS.resolve(shot));
        }
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

        Path output = Files.createTempFile("cockpit-e2e", ".log");
        ProcessBuilder script = new ProcessBuilder(
                        "node", "e2e/cockpit.mjs", "http://localhost:" + port + "/", SHOTS.toString())
                .directory(WEB.toFile());
        script.environment().put("COCKPIT_DEVICE_TOKEN", gaugeToken);
        script.environment().put("COCKPIT_READING", "{\"currentLevel\": 0.31}");
        Process browser =
                script.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = browser.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);
        log.info("cockpit browser run: {}", said.strip());
        assertThat(finished).as("the browser script finished in time: %s", said).isTrue();
        assertThat(browser.exitValue()).as(said).isZero();
        assertThat(said).contains("signInToIdleMs").contains("\"liveMs\":");
        for (String shot : SHOT_NAMES) {
            assertThat(SHOTS.resolve(shot)).isNotEmptyFile();
        }
    }
}
