package org.cityos.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cityos.testkit.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the assembled CityOS once (shared by every subclass) on a random port, against a fresh
 * database on the test JVM's embedded PostgreSQL, in demo mode, and drives it over HTTP.
 */
@SpringBootTest(classes = CityOs.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SystemTest {
    static final String DEMO_PASSWORD = "CityOS-demo-2026";
    static final String DISTRICT = "110115000000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        String url = TestPostgres.newDatabase();
        Path keys = Files.createTempDirectory("cityos-keys");
        registry.add("cityos.db.url", () -> url);
        registry.add("cityos.db.username", () -> "postgres");
        registry.add(
                "cityos.audit.signing-key-file", () -> keys.resolve("audit.key").toString());
        registry.add("cityos.identity.demo", () -> "true");
        registry.add("cityos.iot.mqtt.port", () -> "0");
        registry.add("cityos.iot.telemetry.latest-flush-interval", () -> "1s");
        registry.add("cityos.identity.bcrypt-strength", () -> "4");
        registry.add("cityos.spatial.gazetteer.addresses", () -> "3000");
        registry.add("cityos.spatial.poi.synthetic-count", () -> "600");
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String admin() {
        return api.login("admin", DEMO_PASSWORD);
    }
}
