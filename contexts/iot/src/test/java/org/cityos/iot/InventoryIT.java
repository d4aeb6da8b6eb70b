package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.iot.RegistryFixture.*;

import java.util.List;
import java.util.Set;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inventory figures on a hand-made set: 3 waterlogging sensors (2 in the south community, 1 east), 2 cameras. */
class InventoryIT {
    static RegistryFixture f;

    @BeforeAll
    static void start() {
        f = new RegistryFixture();
        Device a = f.register("waterlogging-level", "I-1", IN_GRID, WATER);
        Device b = f.register("waterlogging-level", "I-2", IN_SOUTH, WATER);
        Device c = f.register("waterlogging-level", "I-3", IN_EAST, WATER);
        f.register("camera", "I-4", IN_NORTH, CITY);
        f.devices.register(
                STEWARD,
                new DeviceDraft(
                        "camera",
                        "shared cam",
                        "acme",
                        "I-5",
                        GeoPoint.of(116.42, 39.68),
                        null,
                        CITY,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        Set.of(WATER, ECOLOGY)),
                false);
        for (Device d : List.of(a, b, c)) {
            f.devices.transition(STEWARD, d.id(), DeviceState.INSTALLED, null);
            f.devices.transition(STEWARD, d.id(), DeviceState.ACTIVE, null);
        }
        f.devices.transition(STEWARD, c.id(), DeviceState.FAULTY, "flooded");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void countsByTypeDepartmentTownAndState() {
        List<InventoryRow> rows = f.inventory.counts(STEWARD, DivisionLevel.TOWN, null, null, null, null);
        assertThat(rows)
                .containsExactlyInAnyOrder(
                        new InventoryRow("camera", "city-management", WEST.value(), "PLANNED", 2),
                        new InventoryRow("waterlogging-level", "water", WEST.value(), "ACTIVE", 2),
                        new InventoryRow("waterlogging-level", "water", EAST.value(), "FAULTY", 1));
    }

    @Test
    void theTriggerKeptCountTableAgreesWithTheDevicesThemselves() {
        var fromDevices = f.jdbc.sql("SELECT type_code, department, left(division, 12), state, count(*)"
                        + " FROM iot_device GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
                .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getString(4) + "|" + rs.getLong(5))
                .list();
        var fromCounts = f.jdbc.sql("SELECT type_code, department, community, state, devices"
                        + " FROM iot_inventory_count WHERE devices > 0 ORDER BY 1, 2, 3, 4")
                .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getString(4) + "|" + rs.getLong(5))
                .list();
        assertThat(fromCounts).isNotEmpty().isEqualTo(fromDevices);
        Actor everything = Actor.system("inventory-test");
        assertThat(f.inventory.counts(everything, DivisionLevel.TOWN, null, null, null, null))
                .isEqualTo(f.inventory.counts(STEWARD, DivisionLevel.TOWN, null, null, null, null).stream()
                        .sorted(java.util.Comparator.comparing(InventoryRow::typeCode)
                                .thenComparing(InventoryRow::department)
                                .thenComparing(InventoryRow::division)
                                .thenComparing(InventoryRow::state))
                        .toList());
    }

    @Test
    void countsAtCommunityLevelWithinATown() {
        List<InventoryRow> rows =
                f.inventory.counts(STEWARD, DivisionLevel.COMMUNITY, WEST, "waterlogging-level", null, null);
        assertThat(rows).containsExactly(new InventoryRow("waterlogging-level", "water", SOUTH.value(), "ACTIVE", 2));
    }

    @Test
    void coverageNamesTheCommunitiesWithoutASensor() {
        InventoryCoverage west = f.inventory.coverage(STEWARD, WEST, "waterlogging-level");
        assertThat(west.children()).isEqualTo(2);
        assertThat(west.covered()).isEqualTo(1);
        assertThat(west.withDevices()).containsExactly(new InventoryCoverage.Child(SOUTH.value(), "南社区", 2));
        assertThat(west.without()).extracting(InventoryCoverage.Child::code).containsExactly(NORTH.value());
        InventoryCoverage district = f.inventory.coverage(STEWARD, DISTRICT, "waterlogging-level");
        assertThat(district.covered()).isEqualTo(2);
        InventoryCoverage cameras = f.inventory.coverage(STEWARD, WEST, "camera");
        assertThat(cameras.covered()).as("planned cameras are not in the field").isZero();
    }

    @Test
    void sharedDevicesAndScopedCounts() {
        assertThat(f.inventory.shared(STEWARD, null, PageRequest.of(0, 10)).items())
                .extracting(Device::serial)
                .containsExactly("I-5");
        List<InventoryRow> east = f.inventory.counts(EAST_READER, DivisionLevel.DISTRICT, null, null, null, null);
        assertThat(east)
                .containsExactly(new InventoryRow("waterlogging-level", "water", DISTRICT.value(), "FAULTY", 1));
        long seenByWater = f.inventory.counts(WATER_HANDLER, DivisionLevel.DISTRICT, null, null, null, null).stream()
                .mapToLong(InventoryRow::count)
                .sum();
        assertThat(seenByWater).isEqualTo(4);
    }
}
