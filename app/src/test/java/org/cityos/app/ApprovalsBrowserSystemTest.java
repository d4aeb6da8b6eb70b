package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Approvals and co-handling in a real browser ({@code web/e2e/approvals.mjs} in Debian's Chromium): the
 * city-management bureau signs a hotline case and asks for three more working days, the operator approves on
 * {@code #/approvals}, and the bureau's open case shows the later deadline without a reload; the bureau then adds the
 * water bureau as co-handler, whose inbox — open since before — shows the case by its live refresh, and which signs
 * and replies its part. Screenshots {@code approvals-*.png} land in {@code app/target/e2e/}.
 */
class ApprovalsBrowserSystemTest extends SystemTest {
    private static final Logger log = LoggerFactory.getLogger(ApprovalsBrowserSystemTest.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target", "e2e").toAbsolutePath();
    private static final String[] SHOT_NAMES = {
        "approvals-01-extension.png",
        "approvals-02-decide.png",
        "approvals-03-decided.png",
        "approvals-04-deadline.png",
        "approvals-05-cohandler.png",
        "approvals-06-co-inbox.png",
        "approvals-07-co-reply.png"
    };

    @Test
    void anExtensionIsApprovedInTheBrowserAndACoHandlerSeesItsCaseArriveLive()
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at /usr/bin/chromium: ./cityos test installs it");
        assumeTrue(
                Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "web/node_modules is missing: build the web module without -Dskip.npm first");
        for (String shot : SHOT_NAMES) {
            Files.deleteIfExists(SHOTS.resolve(shot));
        }
        String operator = api.login("operator", DEMO_PASSWORD);
        Api.Response call = api.post(
                "/api/casework/intake/hotline",
                operator,
                Map.of(
                        "ticket",
                        "12345-APPROVALS-1",
                        "requestType",
                        "COMPLAINT",
                        "title",
                        "小区路面塌陷",
                        "content",
                        "小区东门路面塌陷，疑似地下管线渗漏",
                        "category",
                        "0101",
                        "lon",
                        116.34,
                        "lat",
                        39.73));
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        String id = call.json().get("id").asString();
        JsonNode created = api.get("/api/casework/cases/" + id, operator).json();
        assertThat(created.get("mainUnit").asString()).isEqualTo("dept:urban-management");
        Instant dueBefore =
                Instant.parse(created.get("deadlines").get("resolutionDue").asString());

        Path output = Files.createTempFile("approvals-e2e", ".log");
        ProcessBuilder script = new ProcessBuilder(
                        "node", "e2e/approvals.mjs", "http://localhost:" + port + "/", SHOTS.toString())
                .directory(WEB.toFile());
        script.environment().put("AP_CASE", id);
        long started = System.nanoTime();
        Process browser =
                script.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = browser.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);
        log.info(
                "approvals browser run ({} ms): {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                said.strip());
        assertThat(finished).as("the browser script finished in time: %s", said).isTrue();
        assertThat(browser.exitValue()).as(said).isZero();
        assertThat(said).contains("\"deadlineLiveMs\":").contains("\"coInboxLiveMs\":");
        for (String shot : SHOT_NAMES) {
            assertThat(SHOTS.resolve(shot)).isNotEmptyFile();
        }

        // What the pages showed is what the server holds: the extension granted as asked and the deadline later,
        // the water bureau a co-handler that replied its part.
        JsonNode approvals =
                api.get("/api/casework/cases/" + id + "/approvals", operator).json();
        assertThat(approvals.size()).isEqualTo(1);
        assertThat(approvals.get(0).get("status").asString()).isEqualTo("APPROVED");
        JsonNode after = api.get("/api/casework/cases/" + id, operator).json();
        assertThat(Instant.parse(after.get("deadlines").get("resolutionDue").asString()))
                .isAfter(dueBefore);
        boolean coReplied = false;
        for (JsonNode a : after.get("assignments")) {
            coReplied |= a.get("unit").asString().equals("dept:water")
                    && a.get("role").asString().equals("CO")
                    && a.get("status").asString().equals("REPLIED");
        }
        assertThat(coReplied).as(after.get("assignments").toString()).isTrue();
        assertThat(after.get("steps").findValuesAsString("action"))
                .containsSubsequence(
                        "SIGNED", "EXTENSION_REQUESTED", "EXTENSION_DECIDED", "CO_HANDLERS_ADDED", "CO_REPLIED");
    }
}
