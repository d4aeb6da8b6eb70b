package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cockpit in a real browser: Debian's Chromium, driven by {@code web/e2e/cockpit.mjs} (playwright-core from
 * web/node_modules), signs in as the operator and waits for the map to settle with device clusters and the KPI
 * cards to fill; screenshots land in {@code app/target/e2e/} as test artifacts.
 */
class CockpitBrowserSystemTest extends SystemTest {
    private static final Logger log = LoggerFactory.getLogger(CockpitBrowserSystemTest.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target", "e2e").toAbsolutePath();

    @Test
    void theOperatorSignsInAndSeesTheCockpitInChinese() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at /usr/bin/chromium: ./cityos test installs it");
        assumeTrue(
                Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "web/node_modules is missing: build the web module without -Dskip.npm first");
        String steward = api.login("steward", DEMO_PASSWORD);
        registerDevice(steward, "waterlogging-level", "WL-COCKPIT-1", 116.34, 39.73);
        registerDevice(steward, "waterlogging-level", "WL-COCKPIT-2", 116.341, 39.731);

        Path output = Files.createTempFile("cockpit-e2e", ".log");
        Process browser = new ProcessBuilder(
                        "node", "e2e/cockpit.mjs", "http://localhost:" + port + "/", SHOTS.toString())
                .directory(WEB.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = browser.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished)
                .as("the browser script finished in time: %s", output)
                .isTrue();
        assertThat(browser.exitValue()).as(output).isZero();
        assertThat(output).contains("signInToIdleMs");
        for (String shot : new String[] {"01-sign-in.png", "02-cockpit.png", "03-cockpit-en.png"}) {
            assertThat(SHOTS.resolve(shot)).isNotEmptyFile();
        }
    }
}
