package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.casework.Open311Client.child;
import static org.cityos.casework.Open311Client.children;
import static org.cityos.casework.Open311Client.list;
import static org.cityos.casework.Open311Client.object;
import static org.cityos.casework.Open311Client.xml;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.w3c.dom.Element;

/**
 * Public requests end to end: personal data never leaves (caller hidden, numbers in text masked, e-mail never
 * stored), failures in Open311's format with the right status, status mapping and notes, the 90-day window, the
 * citizen's own view and rating by token, and the operators' catalogue API.
 */
class Open311RequestsIT {
    static Open311Fixture f;
    static Open311Client client;

    @BeforeAll
    static void start() throws Exception {
        f = new Open311Fixture();
        client = new Open311Client(f.mvc());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void operator() {
        f.actor[0] = Open311Fixture.OPERATOR;
    }

    @Test
    void thePublicSeesNoPersonalDataAndNumbersInTheTextAreMasked() throws Exception {
        Map<String, Object> posted = client.report("坑在我家门口，电话13812345678，身份证110101199003071234");
        String id = (String) posted.get("service_request_id");
        for (String path : List.of(
                "/open311/v2/requests/" + id + ".json",
                "/open311/v2/requests/" + id + ".xml",
                "/open311/v2/requests.json",
                "/api/public/requests/" + posted.get("token"))) {
            String body = client.get(path).getContentAsString();
            assertThat(body).as(path).contains("138****5678").contains("110101********1234");
            assertThat(body)
                    .as(path)
                    .doesNotContain("13812345678", "110101199003071234", "13900001111", "139****1111")
                    .doesNotContain("张三", "zhang.san", "app-42");
        }
        // The caller is kept for the follow-up call (masked in every view); the e-mail is dropped.
        Map<String, Object> row = f.jdbc.sql(
                        "SELECT caller_name, caller_phone, channel FROM casework_case" + " WHERE number = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row).containsEntry("caller_name", "张三").containsEntry("caller_phone", "13900001111");
        assertThat(row).containsEntry("channel", "OPEN311");
        long withMail = f.jdbc.sql("SELECT count(*) FROM casework_case c JOIN casework_open311_request r"
                        + " ON r.case_id = c.id WHERE row_to_json(c)::text || row_to_json(r)::text LIKE '%example.org%'"
                        + " AND r.media_url NOT LIKE '%example.org%'")
                .query(Long.class)
                .single();
        assertThat(withMail).isZero();
        assertThat(f.jdbc.sql("SELECT count(*) FROM casework_case WHERE row_to_json(casework_case)::text"
                                + " LIKE '%zhang.san%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(f.meters
                        .counter("cityos.casework.open311.posted", "service", "road-damage")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void failuresAnswerInOpen311sOwnFormatWithTheirStatus() throws Exception {
        expectError(
                client.post("/open311/v2/requests.json", "service_code", "unicorn", "lat", "39.73", "long", "116.33"),
                400,
                "unicorn");
        expectError(client.post("/open311/v2/requests.json", "service_code", "road-damage"), 400, "address_string");
        expectError(
                client.post("/open311/v2/requests.json", "service_code", "road-damage", "lat", "39.6", "long", "117.5"),
                400,
                "117.5");
        expectError(
                client.post(
                        "/open311/v2/requests.json",
                        "service_code",
                        "road-damage",
                        "lat",
                        "39.73",
                        "long",
                        "116.33",
                        "description",
                        "<script>alert(1)</script>"),
                400,
                "content");
        expectError(
                client.post(
                        "/open311/v2/requests.json",
                        "service_code",
                        "road-damage",
                        "lat",
                        "39.73",
                        "long",
                        "116.33",
                        "attribute[SIZE]",
                        "huge"),
                400,
                "attribute[SIZE]");
        expectError(client.get("/open311/v2/requests.json?start_date=yesterday"), 400, "yesterday");
        expectError(client.get("/open311/v2/requests.json?status=pending"), 400, "pending");
        expectError(
                client.get(
                        "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z" + "&end_date=2026-06-01T00:00:00Z"),
                400,
                "90");
        expectError(client.get("/open311/v2/requests/20990101000001.json"), 404, "20990101000001");
        expectError(client.get("/open311/v2/services/unicorn.json"), 404, "unicorn");
        expectError(client.get("/open311/v2/tokens/0123456789abcdef0123456789abcdef.json"), 404, "token");

        MockHttpServletResponse xml = client.get("/open311/v2/requests/20990101000001.xml");
        assertThat(xml.getStatus()).isEqualTo(404);
        Element root = xml(xml).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        Element error = child(root, "error");
        assertThat(children(error)).containsExactly("code", "description");
        assertThat(child(error, "code").getTextContent()).isEqualTo("404");
    }

    @Test
    void aClosedOrMergedCaseIsClosedWithItsNotesAndAgency() throws Exception {
        String id = (String) client.report("路灯旁路面破损").get("service_request_id");
        f.jdbc.sql("UPDATE casework_case SET status = 'CLOSED', reply = '已修复，联系人 13712345678',"
                        + " main_unit = 'dept:urban-management' WHERE number = ?")
                .param(id)
                .update();
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>)
                list(client.get("/open311/v2/requests/" + id + ".json")).get(0);
        assertThat(r.get("status")).isEqualTo("closed");
        assertThat(r.get("status_notes")).isEqualTo("已修复，联系人 137****5678");
        assertThat(r.get("agency_responsible")).isEqualTo("城市管理委员会");
        assertThat(r.get("expected_datetime")).isNull();
        assertThat(ids("/open311/v2/requests.json?status=closed")).contains(id);
        assertThat(ids("/open311/v2/requests.json?status=open")).doesNotContain(id);

        String merged = (String) client.report("同一个坑").get("service_request_id");
        f.jdbc.sql("UPDATE casework_case SET status = 'MERGED', merged_into = (SELECT id FROM casework_case"
                        + " WHERE number = ?) WHERE number = ?")
                .params(id, merged)
                .update();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>)
                list(client.get("/open311/v2/requests/" + merged + ".json")).get(0);
        assertThat(m.get("status")).isEqualTo("closed");
        assertThat(m.get("status_notes")).isEqualTo("已合并至 " + id);
    }

    @Test
    void theListCoversTheLastNinetyDaysUnlessDatesSayOtherwise() throws Exception {
        String old = (String) client.report("旧的坑").get("service_request_id");
        f.clock.advance(Duration.ofDays(91));
        try {
            assertThat(ids("/open311/v2/requests.json")).doesNotContain(old);
            assertThat(ids("/open311/v2/requests.json?start_date=2026-11-24T00:00:00Z"
                            + "&end_date=2026-11-25T00:00:00Z"))
                    .contains(old);
            assertThat(ids("/open311/v2/requests.json?service_request_id=" + old))
                    .containsExactly(old);
        } finally {
            f.clock.advance(Duration.ofDays(-91));
        }
    }

    @Test
    void theCitizenFollowsAndRatesItsRequestByToken() throws Exception {
        Map<String, Object> posted = client.report("人行道砖松动");
        String token = (String) posted.get("token");
        MockHttpServletResponse view = client.get("/api/public/requests/" + token);
        assertThat(view.getStatus()).isEqualTo(200);
        Map<String, Object> v = object(view);
        assertThat(v.get("number")).isEqualTo(posted.get("service_request_id"));
        assertThat(v.get("status")).isEqualTo("RECEIVED");
        assertThat(v.get("statusName")).isEqualTo("已受理");
        assertThat(v.get("categoryName")).isEqualTo("道路破损");
        assertThat(v.get("steps"))
                .isEqualTo(List.of(Map.of("action", "RECEIVED", "nameZh", "受理", "at", v.get("receivedAt"))));
        assertThat(view.getContentAsString()).doesNotContain("byName", "operator", "open311\"");

        // Not answered yet: nothing to rate.
        MockHttpServletResponse early = client.perform(Open311Client.postJson(
                "/api/public/requests/" + token + "/rating", "{\"solved\":true,\"satisfaction\":\"SATISFIED\"}"));
        assertThat(early.getStatus()).isEqualTo(409);
        assertThat(early.getContentType()).startsWith("application/problem+json");

        IntakeResult answered = f.intake.receive(
                Open311Fixture.OPERATOR,
                new NewCase(
                        Channel.HOTLINE,
                        "T-1",
                        RequestType.CONSULTATION,
                        "办事咨询",
                        "居住证在哪里办理？",
                        null,
                        Urgency.ROUTINE,
                        null,
                        null,
                        "李四",
                        "13600001111",
                        null,
                        "请到所在街道社区服务中心办理，咨询电话 13512345678。"));
        MockHttpServletResponse rated = client.perform(Open311Client.postJson(
                "/api/public/requests/" + answered.token() + "/rating",
                "{\"solved\":true,\"satisfaction\":\"basically_satisfied\",\"comment\":\"谢谢\"}"));
        assertThat(rated.getStatus()).isEqualTo(200);
        Map<String, Object> after = object(rated);
        assertThat(after.get("status")).isEqualTo("CLOSED");
        assertThat(after.get("answer")).isEqualTo("请到所在街道社区服务中心办理，咨询电话 135****5678。");
        assertThat(after.get("rating"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("solved", true)
                .containsEntry("satisfaction", "BASICALLY_SATISFIED")
                .containsEntry("satisfactionName", "基本满意");
        assertThat(after.get("steps").toString()).contains("ANSWERED", "RATED");
        assertThat(f.jdbc.sql("SELECT satisfaction FROM casework_case WHERE citizen_token = ?")
                        .param(answered.token())
                        .query(String.class)
                        .single())
                .isEqualTo("BASICALLY_SATISFIED");

        assertThat(client.get("/api/public/requests/not-a-token").getStatus()).isEqualTo(404);
        MockHttpServletResponse bad = client.perform(Open311Client.postJson(
                "/api/public/requests/" + answered.token() + "/rating", "{\"satisfaction\":\"GREAT\"}"));
        assertThat(bad.getStatus()).isEqualTo(400);
        // The hotline case is the caller's own to follow, never in the public Open311 list.
        assertThat(client.get("/open311/v2/tokens/" + answered.token() + ".json")
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void operatorsChangeTheCatalogueWithVersionsAndOthersCannot() throws Exception {
        MockHttpServletResponse got = client.get("/api/casework/open311-services/noise");
        assertThat(got.getStatus()).isEqualTo(200);
        assertThat(got.getHeader("ETag")).isEqualTo("\"0\"");
        String change = "{\"categoryCode\":\"H1202\",\"name\":\"噪声扰民（夜间）\",\"group\":\"环境保护\",\"active\":true}";
        MockHttpServletResponse put = client.perform(MockMvcRequestBuilders.put("/api/casework/open311-services/noise")
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .content(change));
        assertThat(put.getStatus()).isEqualTo(200);
        assertThat(object(put)).containsEntry("version", 1).containsEntry("name", "噪声扰民（夜间）");
        MockHttpServletResponse stale =
                client.perform(MockMvcRequestBuilders.put("/api/casework/open311-services/noise")
                        .header("If-Match", "\"0\"")
                        .contentType("application/json")
                        .content(change));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(list(client.get("/open311/v2/services.json")).toString()).contains("噪声扰民（夜间）");

        String withdraw = "{\"categoryCode\":\"H1202\",\"name\":\"噪声扰民\",\"active\":false}";
        assertThat(client.perform(MockMvcRequestBuilders.put("/api/casework/open311-services/noise")
                                .contentType("application/json")
                                .content(withdraw))
                        .getStatus())
                .isEqualTo(200);
        assertThat(list(client.get("/open311/v2/services.json"))).hasSize(11);
        expectError(
                client.post("/open311/v2/requests.json", "service_code", "noise", "lat", "39.73", "long", "116.33"),
                400,
                "noise");

        f.actor[0] = Open311Fixture.HANDLER;
        assertThat(client.get("/api/casework/open311-services/noise").getStatus())
                .isEqualTo(403);
        f.actor[0] = null;
        assertThat(client.get("/api/casework/open311-services/noise").getStatus())
                .isEqualTo(401);
        // The public endpoints need nobody.
        assertThat(client.get("/open311/v2/services.json").getStatus()).isEqualTo(200);
    }

    private static List<Object> ids(String path) throws Exception {
        return list(client.get(path)).stream()
                .map(r -> (Object) ((Map<?, ?>) r).get("service_request_id"))
                .toList();
    }

    private static void expectError(MockHttpServletResponse r, int status, String mentioned) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        assertThat(r.getContentType()).startsWith("application/json");
        List<?> errors = list(r);
        assertThat(errors).hasSize(1);
        Map<?, ?> error = (Map<?, ?>) errors.get(0);
        assertThat(List.copyOf(error.keySet())).isEqualTo(List.of("code", "description"));
        assertThat(error.get("code")).isEqualTo(status);
        assertThat((String) error.get("description")).contains(mentioned);
    }
}
