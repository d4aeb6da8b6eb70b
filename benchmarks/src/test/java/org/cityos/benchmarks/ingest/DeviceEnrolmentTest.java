package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceEnrolmentTest {
    @Test
    void csvHasOneActiveAirStationPerDeviceWithUniqueSerialsAndPlacesInsideTheCoreBox() {
        List<String> lines = DeviceEnrolment.csv(10_000, "ingest").lines().toList();

        assertThat(lines.get(0)).isEqualTo("type,name,vendor,serial,lon,lat,department,state,tags");
        assertThat(lines).hasSize(10_001);
        Set<String> serials = new HashSet<>();
        Set<String> places = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells[0]).isEqualTo(DeviceEnrolment.TYPE);
            assertThat(cells[7]).isEqualTo("ACTIVE");
            assertThat(Double.parseDouble(cells[4])).isBetween(116.32, 116.48);
            assertThat(Double.parseDouble(cells[5])).isBetween(39.60, 39.74);
            serials.add(cells[3]);
            places.add(cells[4] + "," + cells[5]);
        }
        assertThat(serials).hasSize(10_000);
        assertThat(places)
                .as("no two devices at one spot (near-duplicate check)")
                .hasSize(10_000);
    }
}
