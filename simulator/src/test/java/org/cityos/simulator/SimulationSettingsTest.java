package org.cityos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.cityos.simulator.world.Scale;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {
    final SimulationSettings base = SimulationSettings.of(URI.create("http://127.0.0.1:8080"), 7, Scale.SMALL);

    @Test
    void eachWitherChangesItsOwnValuesAndKeepsTheRest() {
        SimulationSettings changed = base.withMqttPort(18830)
                .withMaxConnections(80)
                .withLogin("operator", "secret")
                .withRequestsPerDay(500)
                .withGridPatrols(3)
                .withSpeed(30);
        assertThat(changed)
                .isEqualTo(new SimulationSettings(
                        base.target(), "operator", "secret", 7, Scale.SMALL, 18830, 80, 30, null, false, 500, 3));
        assertThat(base.withSpeed(2).mqttPort()).isEqualTo(1883);
    }

    @Test
    void aWitherIsCheckedLikeANewSetting() {
        assertThatThrownBy(() -> base.withSpeed(0)).hasMessageContaining("--speed");
        assertThatThrownBy(() -> base.withMaxConnections(-1)).hasMessageContaining("--max-connections");
        assertThatThrownBy(() -> base.withRequestsPerDay(-5)).hasMessageContaining("--requests-per-day");
        assertThatThrownBy(() -> base.withGridPatrols(-1)).hasMessageContaining("--grid-patrols");
    }
}
