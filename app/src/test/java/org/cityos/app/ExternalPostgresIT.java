package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.cityos.testkit.DebianPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out mode against a real PostgreSQL server from Debian's packages (15 on this machine),
 * started by the test on a free port: the whole migration set and the main flows run unchanged.
 */
class ExternalPostgresIT {

    @Test
    void cityOsRunsOnAnExternalDebianPostgres(@TempDir Path dir) {
        try (DebianPostgres server = DebianPostgres.start()) {
            server.createDatabase("cityos");
            Map<String, Object> external = Map.of(
                    "cityos.db.url", server.jdbcUrl("cityos"),
                    "cityos.db.username", "postgres",
                    "cityos.db.password", "");
            try (RunningCityOs city = RunningCityOs.start(dir.resolve("audit.key"), external)) {
                String version = city.context
                        .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("SHOW server_version_num")
                        .query(String.class)
                        .single();
                assertThat(Integer.parseInt(version) / 10000).isEqualTo(Integer.parseInt(server.version()));
                String admin = city.api.login("admin", SystemTest.DEMO_PASSWORD);
                assertThat(city.api
                                .get("/api/divisions/tree", admin)
                                .json()
                                .get(0)
                                .get("children"))
                        .hasSize(26);
                assertThat(city.api
                                .post("/api/users", admin, PlatformSystemTest.user("external", "110115006000"))
                                .status())
                        .isEqualTo(201);
                assertThat(city.api
                                .get("/api/divisions/110115006000", city.api.login("external", "Strong-Pass-2026"))
                                .status())
                        .isEqualTo(200);
            }
        }
    }
}
