package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.cityos.kernel.event.EventBus;
import org.cityos.spatial.DivisionCreated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Writes leave audit records that chain and verify; tampering is reported; domain events reach consumers. */
class AuditAndEventsSystemTest extends SystemTest {
    private static final CopyOnWriteArrayList<String> CREATED = new CopyOnWriteArrayList<>();

    @Autowired
    EventBus events;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aDivisionCreatedOverHttpIsAuditedAndPublishedAfterCommit() {
        events.subscribe("test.division-created", DivisionCreated.class, (e, meta) -> CREATED.add(e.code()));
        String steward = api.login("steward", DEMO_PASSWORD);
        Api.Response created = api.post(
                "/api/divisions", steward, Map.of("code", "110115010907", "kind", "COMMUNITY", "name", "天宫院社区七"));
        assertThat(created.status()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> CREATED.contains("110115010907"));

        Api.Response refused =
                api.post("/api/divisions", steward, Map.of("code", "110115010907", "kind", "COMMUNITY", "name", "重复"));
        assertThat(refused.status()).isEqualTo(409);

        String auditor = api.login("auditor", DEMO_PASSWORD);
        JsonNode records =
                api.get("/api/audit/records?targetId=110115010907", auditor).json();
        assertThat(records.get("total").asLong()).isEqualTo(1);
        assertThat(records.get("items").get(0).get("action").asString()).isEqualTo("spatial.division.create");
        assertThat(records.get("items").get(0).get("actorName").asString()).isEqualTo("steward");
        assertThat(records.get("items").get(0).get("requestId").asString())
                .isEqualTo(created.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void theChainVerifiesAndAnEditBehindCityOsBackIsReported() {
        String admin = admin();
        api.post("/api/departments", admin, Map.of("code", "audit-probe", "name", "审计探针局", "shortName", "探针"));
        String auditor = api.login("auditor", DEMO_PASSWORD);
        JsonNode intact = awaitChained(auditor);
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("recordsChecked").asLong()).isPositive();

        long id = jdbc.sql("SELECT id FROM audit_record WHERE target_id = 'audit-probe'")
                .query(Long.class)
                .single();
        behindCityOsBack("UPDATE audit_record SET actor_name = 'someone-else' WHERE id = ?", id);
        try {
            JsonNode broken = api.get("/api/audit/verify", auditor).json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("reason").asString()).isEqualTo("RECORD_ALTERED");
            assertThat(broken.get("firstBrokenRecordId").asLong()).isEqualTo(id);
        } finally {
            behindCityOsBack("UPDATE audit_record SET actor_name = 'admin' WHERE id = ?", id);
        }
        assertThat(api.get("/api/audit/verify", auditor).json().get("intact").asBoolean())
                .isTrue();
        assertThat(api.get("/api/audit/verify", api.login("leader", DEMO_PASSWORD))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void checkpointsAndThePublicKeyAreExportable() {
        String auditor = api.login("auditor", DEMO_PASSWORD);
        awaitChained(auditor);
        JsonNode export = api.get("/api/audit/checkpoints", auditor).json();
        assertThat(export.get("publicKeyPem").asString()).contains("BEGIN PUBLIC KEY");
        assertThat(export.get("algorithm").asString()).isEqualTo("Ed25519");
    }

    private JsonNode awaitChained(String auditor) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            last[0] = api.get("/api/audit/verify", auditor).json();
            return last[0].get("unchainedRecords").asLong() == 0;
        });
        return last[0];
    }

    /** An edit straight in the database, past the triggers that stop accidental ones (superuser only). */
    private void behindCityOsBack(String sql, long id) {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql(sql).param(id).update();
        });
    }
}
