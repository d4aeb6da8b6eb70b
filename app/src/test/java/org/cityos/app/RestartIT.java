package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Default mode, stopped and started again: users, divisions and the audit trail are all still there. */
class RestartIT {

    @Test
    void everythingSurvivesARestartOfTheEmbeddedDatabase(@TempDir Path dir) {
        Path keys = dir.resolve("keys/audit.key");
        Map<String, Object> embedded = Map.of("cityos.db.url", "", "cityos.db.data-directory", dir.resolve("pg"));
        long auditBefore;
        String userId;
        try (RunningCityOs first = RunningCityOs.start(keys, embedded)) {
            assertThat(first.api
                            .get("/actuator/health/readiness", null)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("UP");
            String admin = first.api.login("admin", SystemTest.DEMO_PASSWORD);
            userId = first.api
                    .post("/api/users", admin, PlatformSystemTest.user("survivor", "110115005000"))
                    .json()
                    .get("user")
                    .get("id")
                    .asString();
            auditBefore = first.api
                    .get("/api/audit/records?limit=1", admin)
                    .json()
                    .get("total")
                    .asLong();
            assertThat(auditBefore).isPositive();
        }
        assertThat(Files.exists(dir.resolve("pg/PG_VERSION"))).isTrue();
        try (RunningCityOs second = RunningCityOs.start(keys, embedded)) {
            assertThat(second.api
                            .get("/actuator/health/readiness", null)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("UP");
            String token = second.api.login("survivor", "Strong-Pass-2026");
            assertThat(second.api.get("/api/auth/me", token).json().get("id").asString())
                    .isEqualTo(userId);
            String admin = second.api.login("admin", SystemTest.DEMO_PASSWORD);
            assertThat(second.api
                            .get("/api/divisions/tree", admin)
                            .json()
                            .get(0)
                            .get("children"))
                    .hasSize(26);
            long auditAfter = second.api
                    .get("/api/audit/records?limit=1", admin)
                    .json()
                    .get("total")
                    .asLong();
            assertThat(auditAfter).isGreaterThan(auditBefore);
            long users = second.api
                    .get("/api/users?limit=100", admin)
                    .json()
                    .get("total")
                    .asLong();
            assertThat(users).as("the demo users").isEqualTo(11);
        }
    }
}
