package org.cityos.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.audit.WebFixture;
import org.cityos.kernel.access.Role;
import org.cityos.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditControllerIT {
    @TempDir
    Path keys;

    MutableClock clock = MutableClock.at("2026-11-24T01:00:00Z");
    WebFixture web;
    MockMvc mvc;
    AuditTrail trail;

    @BeforeEach
    void setUp() {
        web = new WebFixture(keys.resolve("audit.key"), clock);
        mvc = web.mvc();
        trail = web.trail();
        web.actAs(WebFixture.actor("auditor-1", Role.AUDITOR));
        for (int i = 0; i < 3; i++) {
            trail.record(
                    WebFixture.actor("user-" + i, Role.OPERATOR),
                    "identity.user.update",
                    "identity.user",
                    "u-" + i,
                    Map.of("i", i));
            clock.advance(Duration.ofMinutes(1));
        }
        web.chainNow();
    }

    @AfterEach
    void tearDown() {
        web.close();
    }

    @Test
    void lists_entries_newest_first_with_filters_and_paging() throws Exception {
        mvc.perform(get("/api/audit/records").param("action", "identity.user").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].targetId").value("u-2"))
                .andExpect(jsonPath("$.items[0].actorKind").value("USER"))
                .andExpect(jsonPath("$.items[0].chainSeq").value(3))
                .andExpect(jsonPath("$.items[0].hash").isString());
        mvc.perform(get("/api/audit/records")
                        .param("from", "2026-11-24T09:01:00+08:00")
                        .param("to", "2026-11-24T01:02:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].targetId").value("u-1"));
    }

    @Test
    void bad_parameters_become_problem_details() throws Exception {
        mvc.perform(get("/api/audit/records").param("from", "yesterday").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("must be a date")));
        mvc.perform(get("/api/audit/records")
                        .param("from", "2026-11-24T02:00:00Z")
                        .param("to", "2026-11-24T01:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("不能晚于“to”"));
        mvc.perform(get("/api/audit/records").param("limit", "5000")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/audit/export").param("fromSeq", "0")).andExpect(status().isBadRequest());
    }

    @Test
    void each_endpoint_requires_its_permission() throws Exception {
        web.actAs(WebFixture.actor("clerk", Role.OPERATOR));

        for (String path :
                List.of("/api/audit/records", "/api/audit/verify", "/api/audit/checkpoints", "/api/audit/export")) {
            mvc.perform(get(path))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void verifies_the_chain() throws Exception {
        mvc.perform(get("/api/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.recordsChecked").value(3))
                .andExpect(jsonPath("$.checkpointsChecked").value(1));
    }

    @Test
    void publishes_checkpoints_with_the_public_key() throws Exception {
        mvc.perform(get("/api/audit/checkpoints"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.algorithm").value("Ed25519"))
                .andExpect(jsonPath("$.keyId").value(web.keyId()))
                .andExpect(jsonPath("$.publicKeyPem").value(org.hamcrest.Matchers.startsWith("-----BEGIN PUBLIC KEY")))
                .andExpect(jsonPath("$.checkpoints.items[0].chainSeq").value(3));
    }

    @Test
    void exports_ndjson_that_verifies_offline() throws Exception {
        MvcResult started = mvc.perform(get("/api/audit/export"))
                .andExpect(request().asyncStarted())
                .andReturn();
        MvcResult done = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(AuditController.NDJSON))
                .andReturn();

        String body = done.getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines)
                .extracting(l -> l.get("type").asString())
                .containsExactly("header", "record", "record", "record", "checkpoint");
        assertThat(OfflineVerifier.verify(lines))
                .as("offline verification of the export")
                .isTrue();
    }

    @Test
    void exports_from_a_position() throws Exception {
        MvcResult started =
                mvc.perform(get("/api/audit/export").param("fromSeq", "3")).andReturn();
        String body = mvc.perform(asyncDispatch(started))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(body.lines()).hasSize(3); // header, record 3, checkpoint 3
    }
}
