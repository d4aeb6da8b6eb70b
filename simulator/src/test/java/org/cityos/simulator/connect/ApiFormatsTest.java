package org.cityos.simulator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.SimDevice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The shapes the simulator reads from and writes to the CityOS API, as seen against a running demo. */
class ApiFormatsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theDeviceFileLabelsEveryRowSyntheticInTheDepartmentOfItsDomain() {
        SimDevice gauge = new SimDevice(
                "SIM-rain-gauge-00001",
                "rain-gauge",
                "SIM-rain-gauge-00001",
                GeoPoint.of(116.3, 39.7),
                "x",
                null,
                null,
                0);
        String csv = new String(
                DeviceFile.csv(List.of(gauge), type -> "weather", java.util.Map.of(gauge.serial(), "SIM-GW-00001")),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().toList())
                .containsExactly(
                        "type,name,vendor,serial,lon,lat,department,state,tags,parent",
                        "rain-gauge,SIM-rain-gauge-00001,SIM-simulator,SIM-rain-gauge-00001,116.3000000,39.7000000,"
                                + "water,ACTIVE,synthetic;simulator,SIM-GW-00001");
        assertThat(DeviceFile.department("hazmat")).isEqualTo("emergency");
        assertThat(DeviceFile.department("unheard-of")).isEqualTo("economy-it");
    }

    @Test
    void anImportJobIdIsReadAsAStringOrAsTheObjectHoldingIt() {
        assertThat(DistrictLoader.jobId(JSON.readTree("\"imp_1\""))).isEqualTo("imp_1");
        assertThat(DistrictLoader.jobId(JSON.readTree("{\"value\":\"imp_2\"}"))).isEqualTo("imp_2");
    }

    @Test
    void boundariesAndRoadsAreReadFromGeoJson() {
        var multi = JSON.readTree(
                "{\"type\":\"MultiPolygon\",\"coordinates\":["
                        + "[[[116.1,39.5],[116.2,39.5],[116.2,39.6],[116.1,39.5]]],"
                        + "[[[116.3,39.5],[116.4,39.5],[116.4,39.6],[116.3,39.5]],[[116.31,39.51],[116.32,39.51],[116.32,39.52]]]]}");
        List<List<GeoPoint>> rings = GeographySource.rings(multi);
        assertThat(rings).hasSize(2); // exterior rings only: holes are ignored (Daxing has none)
        assertThat(rings.get(1).get(0)).isEqualTo(GeoPoint.of(116.3, 39.5));
        var road = JSON.readTree(
                "{\"type\":\"MultiLineString\",\"coordinates\":[[[116.1,39.5],[116.2,39.5]],[[116.3,39.5],[116.3,39.6]]]}");
        assertThat(GeographySource.lines(road)).hasSize(2);
        assertThat(GeographySource.rings(JSON.readTree("{\"type\":\"Point\",\"coordinates\":[1,2]}")))
                .isEmpty();
    }
}
