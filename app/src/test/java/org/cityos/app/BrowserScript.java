package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A browser script of {@code web/e2e} run by node in Debian's Chromium against a running CityOS, as the browser
 * system tests do: skipped where there is no Chromium or no web build, its own earlier screenshots removed first
 * (another test's stay), and checked to have finished in time, ended well and left every screenshot it names.
 */
final class BrowserScript {
    private static final Logger log = LoggerFactory.getLogger(BrowserScript.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    /** Where the scripts write their screenshots: kept as test artifacts. */
    static final Path SHOTS = Path.of("target", "e2e").toAbsolutePath();

    private final String script;
    private final List<String> shots;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private BrowserScript(String script, List<String> shots) {
        this.script = script;
        this.shots = shots;
    }

    /** Skips the calling test when no browser can run here; removes the screenshots this script will take. */
    static BrowserScript prepare(String script, String... shots) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at /usr/bin/chromium: ./cityos test installs it");
        assumeTrue(
                Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "web/node_modules is missing: build the web module without -Dskip.npm first");
        for (String shot : shots) {
            Files.deleteIfExists(SHOTS.resolve(shot));
        }
        return new BrowserScript(script, List.of(shots));
    }

    /** A value the script reads from its environment. */
    BrowserScript with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Runs the script against the CityOS on {@code port} and returns what it printed, after checking that it ended
     * within {@code limit} with exit status 0 and left every screenshot.
     */
    String run(int port, Duration limit) throws IOException, InterruptedException {
        Path output = Files.createTempFile("e2e", ".log");
        ProcessBuilder builder = new ProcessBuilder("node", script, "http://localhost:" + port + "/", SHOTS.toString())
                .directory(WEB.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process browser = builder.redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = browser.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            browser.destroyForcibly();
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);
        log.info("{} ({} ms): {}", script, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), said.strip());
        assertThat(finished).as("the browser script finished in time: %s", said).isTrue();
        assertThat(browser.exitValue()).as(said).isZero();
        for (String shot : shots) {
            assertThat(SHOTS.resolve(shot)).isNotEmptyFile();
        }
        return said;
    }
}
