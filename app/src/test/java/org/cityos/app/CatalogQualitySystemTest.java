package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Quality in the assembled platform: the named sources over other contexts' tables exist, and a failing run
 * puts {@code catalog.quality-failed} with the provider department into the outbox.
 */
class CatalogQualitySystemTest extends SystemTest {

    @Test
    void namedSourcesExistAndAFailingRunReachesTheOutbox() {
        String admin = admin();
        Api.Response sources = api.get("/api/catalog/quality/sources", admin);
        assertThat(sources.status()).as(sources.toString()).isEqualTo(200);
        for (String name :
                List.of("imported", "catalog.entries", "iot.devices", "casework.cases", "identity.departments")) {
            assertThat(sources.json().get(name).asBoolean()).as(name).isTrue();
        }

        String devices = entry(admin, "3-09-001-0001");
        bind(admin, devices, "iot.devices");
        Api.Response rule = api.post(
                "/api/catalog/quality/resources/" + devices + "/rules",
                admin,
                Map.of(
                        "kind", "consistency",
                        "fields", List.of("department"),
                        "otherSource", "identity.departments",
                        "otherField", "code"));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        Api.Response checked = api.post("/api/catalog/quality/resources/" + devices + "/runs", admin, "{}");
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.json().get("results").get(0).get("kind").asString()).isEqualTo("CONSISTENCY");

        // Casework's policy: a failed quality run of a water resource becomes a case for the provider.
        Api.Response policy = api.post(
                "/api/casework/intake-policies",
                admin,
                Map.of(
                        "source", "catalog.quality",
                        "matchKey", "department",
                        "matchValue", "water",
                        "categoryCode", "E0602",
                        "urgency", "ROUTINE",
                        "enabled", true));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        Api.Response wrongKey = api.post(
                "/api/casework/intake-policies",
                admin,
                Map.of(
                        "source", "catalog.quality",
                        "matchKey", "template",
                        "matchValue", "x",
                        "categoryCode", "E0602",
                        "urgency", "ROUTINE",
                        "minSeverity", "RED",
                        "enabled", true));
        assertThat(wrongKey.status())
                .as("an alarm key and a severity are not quality's")
                .isEqualTo(400);
        assertThat(wrongKey.body()).contains("matchKey").contains("minSeverity");

        // Catalogue entries as the source: a code list no entry meets fails the run.
        String entries = entry(admin, "3-09-001-0002");
        bind(admin, entries, "catalog.entries");
        api.post(
                "/api/catalog/quality/resources/" + entries + "/rules",
                admin,
                Map.of("kind", "code_list", "fields", List.of("status"), "codes", List.of("RETIRED")));
        Api.Response run = api.post("/api/catalog/quality/resources/" + entries + "/runs", admin, "{}");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("passed").asBoolean()).isFalse();
        List<String> departments = jdbc.sql("SELECT payload->>'providerDepartment' FROM outbox_event"
                        + " WHERE type = 'catalog.quality-failed' AND key = ?")
                .param(entries)
                .query(String.class)
                .list();
        assertThat(departments).containsExactly("water");

        long runId = run.json().get("id").asLong();
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM casework_case WHERE channel = 'EVENT' AND external_id = ?"
                                        + " AND status = 'DISPATCHED' AND main_unit = 'dept:water'")
                                .param("quality-" + runId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private String entry(String admin, String code) {
        Map<String, Object> entry = new java.util.HashMap<>(Map.of(
                "code", code,
                "name", "设备台账",
                "providerDepartment", "water",
                "summary", "水务设备台账",
                "format", "数据库",
                "sharingType", "无条件共享",
                "openType", "不予开放",
                "updateCycle", "每日",
                "releaseDate", "2026-03-01",
                "items", List.of(Map.of("name", "id", "chineseName", "设备编号", "type", "STRING"))));
        entry.put("contact", Map.of("name", "张伟", "phone", "13900001111"));
        Api.Response created = api.post("/api/catalog/entries", admin, entry);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    private void bind(String admin, String code, String source) {
        Api.Response bound = api.put(
                "/api/catalog/quality/resources/" + code + "/source",
                admin,
                Map.of("source", source, "threshold", 0.9));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    }
}
