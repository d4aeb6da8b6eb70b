package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.iot.DeviceState.*;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DeviceStateTest {
    @Test
    void theLifecycleAllowsExactlyTheseMoves() {
        assertThat(PLANNED.next()).containsExactlyInAnyOrder(INSTALLED, RETIRED);
        assertThat(INSTALLED.next()).containsExactlyInAnyOrder(ACTIVE, FAULTY, RETIRED);
        assertThat(ACTIVE.next()).containsExactlyInAnyOrder(FAULTY, RETIRED);
        assertThat(FAULTY.next()).containsExactlyInAnyOrder(ACTIVE, RETIRED);
        assertThat(RETIRED.next()).isEmpty();
    }

    @Test
    void noStateLeadsBackToPlannedOrToItself() {
        for (DeviceState s : DeviceState.values()) {
            assertThat(s.canBecome(PLANNED)).isFalse();
            assertThat(s.canBecome(s)).isFalse();
        }
        assertThat(EnumSet.allOf(DeviceState.class).stream().filter(DeviceState::initial))
                .doesNotContain(RETIRED);
        assertThat(DeviceState.parse("faulty")).contains(FAULTY);
        assertThat(DeviceState.parse("broken")).isEmpty();
    }
}
