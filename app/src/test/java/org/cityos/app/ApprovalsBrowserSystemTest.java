package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Approvals and co-handling in a real browser ({@code web/e2e/approvals.mjs} in Debian's Chromium): the
 * city-management bureau signs a hotline case and asks for three more working days, the operator approves on
 * {@code #/approvals}, and the bureau's open case shows the later deadline without a reload; the bureau then adds the
 * water bureau as co-handler, whose inbox — open since before — shows the case by its live refresh, and which signs
 * and replies its part. Screenshots {@code approvals-*.png} land in {@code app/target/e2e/}.
 */
class ApprovalsBrowserSystemTest extends SystemTest {
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
        BrowserScript browser = BrowserScript.prepare("e2e/approvals.mjs", SHOT_NAMES);
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

        String said = browser.with("AP_CASE", id).run(port, Duration.ofMinutes(2));
        assertThat(said).contains("\"deadlineLiveMs\":").contains("\"coInboxLiveMs\":");

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
