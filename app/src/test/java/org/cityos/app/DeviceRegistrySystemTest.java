package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The device registry as the district's staff use it: types, registration, lifecycle, tokens, inventory, scope. */
class DeviceRegistrySystemTest extends SystemTest {

    @Test
    void theTypeCatalogueHasTheDistrictsDeviceKinds() {
        JsonNode types = api.get("/api/device-types", admin()).json();
        JsonNode list = types.has("items") ? types.get("items") : types;
        assertThat(list.size()).isGreaterThanOrEqualTo(30);
        assertThat(list.toString())
                .contains("waterlogging-level")
                .contains("heat-pump-controller")
                .contains("gas-leak-detector");
    }

    @Test
    void aDeviceIsRegisteredPlacedLivedThroughAndCredentialed() {
        String steward = api.login("steward", DEMO_PASSWORD);
        Api.Response registered = api.post("/api/devices", steward, device("WL-2026-0001", 116.3412, 39.7267));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode device = registered.json();
        String id = device.get("id").asString();
        assertThat(id).startsWith("dev_");
        assertThat(device.toString()).contains("139****5678").doesNotContain("13912345678");
        assertThat(device.get("division").asString())
                .as("placed down to its grid")
                .startsWith("110115")
                .hasSize(15);

        Api.Response sameSerial = api.post("/api/devices", steward, device("WL-2026-0001", 116.35, 39.73));
        assertThat(sameSerial.status()).isEqualTo(409);
        Api.Response tooClose = api.post("/api/devices", steward, device("WL-2026-0002", 116.34121, 39.72671));
        assertThat(tooClose.status()).isEqualTo(409);

        assertThat(transition(steward, id, "ACTIVE").status()).isEqualTo(409);
        assertThat(transition(steward, id, "INSTALLED").status()).isIn(200, 204);
        assertThat(transition(steward, id, "ACTIVE").status()).isIn(200, 204);

        Api.Response issued = api.post("/api/devices/" + id + "/credentials", steward, "{}");
        assertThat(issued.status()).isIn(200, 201);
        assertThat(issued.json().get("token").asString()).startsWith("cod_");
        assertThat(api.get("/api/devices/" + id, steward).body())
                .doesNotContain(issued.json().get("token").asString());

        String townB = api.login("town-b", DEMO_PASSWORD);
        assertThat(api.get("/api/devices/" + id, townB).status()).isIn(403, 404);
        Api.Response outside = api.post("/api/devices", steward, device("WL-2026-0003", 117.2, 39.1));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(api.post("/api/devices", api.login("leader", DEMO_PASSWORD), device("WL-9", 116.3, 39.7))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void inventoryCountsWhatExists() {
        String steward = api.login("steward", DEMO_PASSWORD);
        api.post("/api/devices", steward, device("WL-INV-1", 116.52, 39.78));
        JsonNode counts =
                api.get("/api/inventory?type=waterlogging-level", steward).json();
        long total = 0;
        for (JsonNode row : counts) {
            total += row.get("count").asLong();
        }
        assertThat(total).isGreaterThanOrEqualTo(1);
    }

    private Api.Response transition(String token, String id, String to) {
        return api.post("/api/devices/" + id + "/transitions", token, Map.of("to", to, "reason", "现场验收"));
    }

    private static Map<String, Object> device(String serial, double lon, double lat) {
        return Map.of(
                "type",
                "waterlogging-level",
                "name",
                "积水监测点 " + serial,
                "vendor",
                "示例仪器",
                "serial",
                serial,
                "lon",
                lon,
                "lat",
                lat,
                "department",
                "water",
                "maintainer",
                Map.of("organisation", "示例运维公司", "contact", "李四", "phone", "13912345678"),
                "tags",
                List.of("汛期重点"));
    }
}
