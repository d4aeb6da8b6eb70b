package org.cityos.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttClientOptionsTest {
    @Test
    void defaultsAreACleanAnonymousSession() {
        MqttClientOptions o = MqttClientOptions.of("127.0.0.1", 18830, "c1");
        assertThat(o.cleanSession()).isTrue();
        assertThat(o.username()).isNull();
        assertThat(o.password()).isNull();
        assertThat(o.keepAlive()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.maxInFlight()).isEqualTo(100);
    }

    @Test
    void passwordIsCopiedAndNeverPrinted() {
        byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
        MqttClientOptions o = MqttClientOptions.of("h", 1, "c").withCredentials("u", secret);
        secret[0] = 'X';
        assertThat(new String(o.password(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(o.toString()).doesNotContain("s3cret").contains("***");
    }

    @Test
    void rejectsWhatMqtt311CannotCarry() {
        MqttClientOptions o = MqttClientOptions.of("h", 1, "c");
        assertThatThrownBy(() -> o.withCredentials(null, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withKeepAlive(Duration.ofSeconds(70_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withMaxInFlight(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttClientOptions.of("h", 0, "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
