package org.cityos.mqtt.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import org.cityos.mqtt.MqttEndpointSettings;
import org.junit.jupiter.api.Test;

class IntakeTest {
    private final EndpointMetrics metrics = new EndpointMetrics(new SimpleMeterRegistry());

    @Test
    void aConnectionStopsReadingAtItsLimitAndReadsAgainAtHalf() {
        EmbeddedChannel channel = new EmbeddedChannel();
        Intake intake = new Intake(channel, endpoint(4, 1000));

        admit(intake, 3);
        assertThat(channel.config().isAutoRead()).isTrue();
        admit(intake, 1);
        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(metrics.pausedChannels()).isEqualTo(1);

        intake.stored();
        assertThat(channel.config().isAutoRead()).as("3 still above half").isFalse();
        intake.stored();
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(metrics.pausedChannels()).isZero();
    }

    @Test
    void theEndpointLimitPausesEveryConnectionThatHitsItAndHalfResumesThemAll() {
        EndpointContext endpoint = endpoint(1000, 4);
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        Intake a = new Intake(first, endpoint);
        Intake b = new Intake(second, endpoint);

        admit(a, 2);
        admit(b, 2);
        assertThat(second.config().isAutoRead()).isFalse();
        assertThat(first.config().isAutoRead()).isTrue();
        admit(a, 1);
        assertThat(first.config().isAutoRead()).isFalse();
        assertThat(metrics.pausedChannels()).isEqualTo(2);

        b.stored();
        b.stored();
        assertThat(first.config().isAutoRead())
                .as("3 in flight, above half of 4")
                .isFalse();
        a.stored();
        assertThat(first.config().isAutoRead()).isTrue();
        assertThat(second.config().isAutoRead()).isTrue();
        assertThat(endpoint.budget().inFlight()).isEqualTo(2);
    }

    @Test
    void aDeviceThatDoesNotReadItsRepliesIsPausedWhateverTheCounts() {
        EmbeddedChannel channel = new EmbeddedChannel();
        Intake intake = new Intake(channel, endpoint(4, 1000));

        intake.writabilityChanged(false);
        admit(intake, 4);
        drain(intake, 4);
        assertThat(channel.config().isAutoRead()).isFalse();

        intake.writabilityChanged(true);
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void closingReleasesThePausedGaugeAndLateCompletionsStillFreeTheBudget() {
        EndpointContext endpoint = endpoint(2, 1000);
        Intake intake = new Intake(new EmbeddedChannel(), endpoint);
        admit(intake, 2);
        assertThat(metrics.pausedChannels()).isEqualTo(1);

        intake.closed();
        assertThat(metrics.pausedChannels()).isZero();
        drain(intake, 2);
        assertThat(endpoint.budget().inFlight()).isZero();
        assertThat(metrics.pausedChannels()).isZero();
    }

    private EndpointContext endpoint(int perConnection, int total) {
        MqttEndpointSettings settings = MqttEndpointSettings.defaults().withMaxInFlight(perConnection, total);
        return new EndpointContext(settings, null, metrics, new ClientRegistry(), new InFlightBudget(total));
    }

    private static void admit(Intake intake, int messages) {
        for (int i = 0; i < messages; i++) {
            intake.admit();
        }
    }

    private static void drain(Intake intake, int messages) {
        for (int i = 0; i < messages; i++) {
            intake.stored();
        }
    }
}
