package org.cityos.benchmarks.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cityos.iot.DeviceDraft;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;

class DeviceLoadTest {

    @Test
    void oneDraftInTwentyGetsTheRareTagAndKeepsItsOwn() {
        List<DeviceDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            drafts.add(new DeviceDraft(
                    "rain-gauge",
                    "gauge " + i,
                    "v",
                    "s" + i,
                    GeoPoint.of(116.4, 39.7),
                    null,
                    DepartmentCode.of("water"),
                    null,
                    null,
                    null,
                    List.of("synthetic"),
                    null,
                    Set.of()));
        }

        List<DeviceDraft> tagged = DeviceLoad.tagged(drafts);

        assertThat(tagged).hasSize(40);
        assertThat(tagged.stream().filter(d -> d.tags().contains(DeviceLoad.RARE_TAG)))
                .extracting(DeviceDraft::serial)
                .containsExactly("s0", "s20");
        assertThat(tagged).allSatisfy(d -> assertThat(d.tags()).contains("synthetic"));
        assertThat(tagged.get(20))
                .usingRecursiveComparison()
                .ignoringFields("tags")
                .isEqualTo(drafts.get(20));
    }
}
