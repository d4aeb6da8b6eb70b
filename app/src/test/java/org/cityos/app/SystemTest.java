package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.cityos.testkit.TestPostgres;
import org.cityos.testkit.ThrowawayDirectories;
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
        Path keys = ThrowawayDirectories.create("cityos-keys");
        registry.add("cityos.db.url", () -> url);
        registry.add("cityos.db.username", () -> "postgres");
        registry.add(
                "cityos.audit.signing-key-file", () -> keys.resolve("audit.key").toString());
        registry.add(
                "cityos.catalog.signing-key-file",
                () -> keys.resolve("catalog.key").toString());
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

    /**
     * Registers a water-department device as {@code steward} and returns its id. Near duplicates are allowed: the
     * tests place their devices close together on purpose.
     */
    String registerDevice(String steward, String type, String serial, double lon, double lat) {
        Map<String, Object> body = Map.of(
                "type", type,
                "name", "测试设备 " + serial,
                "vendor", "acme",
                "serial", serial,
                "lon", lon,
                "lat", lat,
                "department", "water");
        Api.Response r = api.post("/api/devices?allowNearDuplicate=true", steward, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** Issues a token to the device: its credential for ingest over HTTP and MQTT. */
    String issueToken(String steward, String deviceId) {
        Api.Response issued = api.post("/api/devices/" + deviceId + "/credentials", steward, "{}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("token").asString();
    }
}
