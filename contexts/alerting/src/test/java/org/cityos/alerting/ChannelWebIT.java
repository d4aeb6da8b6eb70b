package org.cityos.alerting;

import static org.cityos.alerting.NotifyFixture.ADMIN;
import static org.cityos.alerting.NotifyFixture.EAST_WORKER;
import static org.cityos.alerting.NotifyFixture.OPERATOR;
import static org.cityos.alerting.NotifyFixture.STEWARD;
import static org.cityos.alerting.NotifyFixture.WEST_OPERATOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Channels over HTTP: validation with field errors, permissions and division scope, masking, audit, versions. */
class ChannelWebIT {
    static NotifyFixture f;
    static final Actor[] AS = {OPERATOR};
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        f = new NotifyFixture();
        mvc = f.mvc(AS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void operator() {
        AS[0] = OPERATOR;
    }

    static ResultActions post(String json) throws Exception {
        return mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/alerting/channels")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json));
    }

    static String idOf(ResultActions created) throws Exception {
        String json = created.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aWebhookIsSavedWithDefaultsAndItsSecretIsNeverShown() throws Exception {
        ResultActions created = post("""
                        {"name":"值班系统","kind":"webhook","url":"https://hooks.example.org/cityos",
                         "secret":"whsec-0123456789abcdef","minSeverity":"orange","events":["raised","escalated"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("WEBHOOK"))
                .andExpect(jsonPath("$.secret").value("********cdef"))
                .andExpect(jsonPath("$.minSeverity").value("ORANGE"))
                .andExpect(jsonPath("$.events", hasSize(2)))
                .andExpect(jsonPath("$.divisionPrefixes[0]").value("110115"))
                .andExpect(jsonPath("$.createdBy").value("operator"))
                .andExpect(jsonPath("$.version").value(0));
        String id = idOf(created);
        mvc.perform(get("/api/alerting/channels/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secret").value("********cdef"));
        // A change without the secret keeps it; the stored one is what signs (not the masked text).
        mvc.perform(put("/api/alerting/channels/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"改名","kind":"WEBHOOK","url":"https://hooks.example.org/v2","version":0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secret").value("********cdef"))
                .andExpect(jsonPath("$.version").value(1));
        org.assertj.core.api.Assertions.assertThat(f.jdbc.sql("SELECT secret FROM alerting_channel WHERE id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("whsec-0123456789abcdef");
        mvc.perform(
                        put("/api/alerting/channels/" + id)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\"再改\",\"kind\":\"WEBHOOK\",\"url\":\"https://x.example.org\",\"version\":0}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/alerting/channels/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"再改\",\"kind\":\"WEBHOOK\",\"url\":\"https://x.example.org\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        org.assertj.core.api.Assertions.assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE target_id = ? AND action LIKE 'alerting.channel.%'",
                        id))
                .isEqualTo(2);
    }

    @Test
    void badFieldsAreAllReportedNeverA500() throws Exception {
        post("""
                        {"name":"","kind":"WEBHOOK","url":"ftp://files.example.org/x","secret":"short",
                         "ruleIds":["rule-1"],"divisionPrefixes":["11x"],"minSeverity":"PURPLE","events":["EXPLODED"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("minSeverity")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("events")));
        post("""
                        {"name":"","kind":"WEBHOOK","url":"ftp://files.example.org/x","secret":"short",
                         "ruleIds":["rule-1"],"divisionPrefixes":["11x"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("url")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("secret")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("ruleIds")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("divisionPrefixes")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("http or https"))));
        post("{\"name\":\"无密钥\",\"kind\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("secret"));
        post("{\"name\":\"邮件\",\"kind\":\"EMAIL\",\"recipients\":[\"duty@example.org\",\"not-an-address\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("recipients"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("not-an-address")));
        post("{\"name\":\"短信\",\"kind\":\"SMS\",\"phones\":[\"12345678901\"],\"gateway\":\"nope\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("phones")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("gateway")));
        post("{\"name\":\"短信\",\"kind\":\"FAX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        post("{oops").andExpect(status().isBadRequest());
        mvc.perform(get("/api/alerting/channels/not-a-uuid")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/alerting/notifications").param("status", "LOST")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/alerting/notifications").param("channel", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/alerting/notifications").param("alarm", "alm_x")).andExpect(status().isBadRequest());
    }

    @Test
    void channelsBelongToTheirDivisionsAndNeedThePermissions() throws Exception {
        String district = idOf(post("""
                        {"name":"全区","kind":"WEBHOOK","url":"https://a.example.org","secret":"whsec-0123456789abcdef"}""").andExpect(status().isCreated()));
        AS[0] = WEST_OPERATOR;
        post("""
                        {"name":"越界","kind":"WEBHOOK","url":"https://a.example.org","secret":"whsec-0123456789abcdef",
                         "divisionPrefixes":["110115002"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("divisionPrefixes"));
        String west = idOf(post("""
                        {"name":"西镇","kind":"WEBHOOK","url":"https://a.example.org","secret":"whsec-0123456789abcdef"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.divisionPrefixes[0]").value("110115001")));
        mvc.perform(get("/api/alerting/channels/" + district)).andExpect(status().isNotFound());
        mvc.perform(get("/api/alerting/channels"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(west)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(district))));
        mvc.perform(get("/api/alerting/notifications").param("channel", district))
                .andExpect(status().isNotFound());
        AS[0] = EAST_WORKER;
        post("{\"name\":\"无权\",\"kind\":\"WEBHOOK\",\"url\":\"https://a.example.org\",\"secret\":\"whsec-0123456789abcdef\"}")
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/alerting/channels/" + west)).andExpect(status().isForbidden());
        AS[0] = STEWARD;
        mvc.perform(get("/api/alerting/channels")).andExpect(status().isForbidden());
        AS[0] = OPERATOR;
        mvc.perform(delete("/api/alerting/channels/" + west)).andExpect(status().isNoContent());
        mvc.perform(get("/api/alerting/channels/" + west)).andExpect(status().isNotFound());
    }

    @Test
    void phoneNumbersAreMaskedUnlessAnUnmaskingReadIsAllowedAndAudited() throws Exception {
        String id = idOf(post("""
                        {"name":"值班短信","kind":"SMS","phones":["13812345678","+8613987654321"]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phones[0]").value("138****5678"))
                .andExpect(jsonPath("$.phones[1]").value("+86*******4321"))
                .andExpect(jsonPath("$.gateway").value("city")));
        mvc.perform(get("/api/alerting/channels/" + id))
                .andExpect(jsonPath("$.phones[0]").value("138****5678"));
        mvc.perform(get("/api/alerting/channels/" + id).param("unmask", "true")).andExpect(status().isForbidden());
        // What the client saw (masked) comes back on a change and keeps the stored numbers; a new one is added.
        mvc.perform(put("/api/alerting/channels/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"值班短信","kind":"SMS","phones":["138****5678","+86*******4321","13700001111"],
                                 "version":0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phones", hasSize(3)));
        AS[0] = ADMIN;
        mvc.perform(get("/api/alerting/channels/" + id).param("unmask", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phones[0]").value("13812345678"))
                .andExpect(jsonPath("$.phones[1]").value("+8613987654321"))
                .andExpect(jsonPath("$.phones[2]").value("13700001111"));
        org.assertj.core.api.Assertions.assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE target_id = ? AND action = 'alerting.channel.unmask'"
                                + " AND actor_id = 'admin'",
                        id))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE target_id = ? AND details::text LIKE '%13812345678%'",
                        id))
                .as("no phone number in clear on the audit trail")
                .isZero();
    }
}
