package org.cityos.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttEndpointSettingsTest {

    @Test
    void defaultsMatchTheDocumentedLimits() {
        MqttEndpointSettings defaults = MqttEndpointSettings.defaults();
        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.port()).isEqualTo(1883);
        assertThat(defaults.maxMessageBytes()).isEqualTo(256 * 1024);
        assertThat(defaults.maxInFlightPerConnection()).isEqualTo(64);
        assertThat(defaults.maxInFlightTotal()).isEqualTo(50_000);
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.downlinkAckTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void withersChangeOnlyTheirField() {
        MqttEndpointSettings tuned = MqttEndpointSettings.defaults().withPort(0).withMaxInFlight(8, 16);
        assertThat(tuned.port()).isZero();
        assertThat(tuned.maxInFlightPerConnection()).isEqualTo(8);
        assertThat(tuned.maxInFlightTotal()).isEqualTo(16);
        assertThat(tuned.maxMessageBytes()).isEqualTo(256 * 1024);
    }

    @Test
    void impossibleValuesAreRefusedWithTheirName() {
        MqttEndpointSettings defaults = MqttEndpointSettings.defaults();
        assertThatThrownBy(() -> defaults.withPort(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> defaults.withMaxMessageBytes(10)).hasMessageContaining("maxMessageBytes");
        assertThatThrownBy(() -> defaults.withMaxInFlight(0, 10)).hasMessageContaining("maxInFlightPerConnection");
        assertThatThrownBy(() -> defaults.withMaxInFlight(10, 0)).hasMessageContaining("maxInFlightTotal");
        assertThatThrownBy(() -> defaults.withConnectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> defaults.withDownlinkAckTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("downlinkAckTimeout");
        assertThatThrownBy(() -> defaults.withIoThreads(0)).hasMessageContaining("ioThreads");
    }
}
