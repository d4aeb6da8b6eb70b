package org.cityos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.cityos.simulator.world.Scale;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void defaultsTargetThisMachineAtSmallScale() {
        SimulationSettings s = CommandLine.parse();
        assertThat(s.target()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(s.scale()).isEqualTo(Scale.SMALL);
        assertThat(s.maxConnections()).isEqualTo(15_000);
        assertThat(s.user()).isEqualTo("admin");
        assertThat(s.duration()).isNull();
    }

    @Test
    void readsEveryOption() {
        SimulationSettings s = CommandLine.parse(
                "--target",
                "http://localhost:9090",
                "--seed",
                "42",
                "--scale",
                "full",
                "--user",
                "ops",
                "--password",
                "pw",
                "--duration",
                "90s",
                "--speed",
                "60",
                "--max-connections",
                "100",
                "--mqtt-port",
                "11883");
        assertThat(s.target().getPort()).isEqualTo(9090);
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.scale()).isEqualTo(Scale.FULL);
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.speed()).isEqualTo(60);
        assertThat(s.maxConnections()).isEqualTo(100);
        assertThat(s.mqttPort()).isEqualTo(11883);
    }

    @Test
    void citizensRequestsDefaultByScaleAndANegativeCountIsRefused() {
        assertThat(CommandLine.parse().requestsPerDay()).isEqualTo(500);
        assertThat(CommandLine.parse("--scale", "full").requestsPerDay()).isEqualTo(5_000);
        assertThat(CommandLine.parse("--requests-per-day", "0").requestsPerDay())
                .isZero();
        assertThatThrownBy(() -> CommandLine.parse("--requests-per-day", "-5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--requests-per-day");
        assertThatThrownBy(() -> CommandLine.parse("--requests-per-day", "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--requests-per-day");
    }

    @Test
    void gridPatrolsDefaultByScaleAndANegativeCountIsRefused() {
        assertThat(CommandLine.parse().gridPatrols()).isEqualTo(10);
        assertThat(CommandLine.parse("--scale", "full").gridPatrols()).isEqualTo(100);
        assertThat(CommandLine.parse("--grid-patrols", "0").gridPatrols()).isZero();
        assertThatThrownBy(() -> CommandLine.parse("--grid-patrols", "-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--grid-patrols");
    }

    @Test
    void localTargetsPass() {
        for (String target : new String[] {"http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:8080"}) {
            assertThat(CommandLine.parse("--target", target).target().toString())
                    .isEqualTo(target);
        }
    }

    @Test
    void anotherHostIsRefusedWithAClearMessageUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> CommandLine.parse("--target", "http://cityos.example.gov.cn:8080"))
                .isInstanceOf(TargetGuard.RemoteTargetRefused.class)
                .hasMessageContaining("cityos.example.gov.cn")
                .hasMessageContaining("--allow-remote-target");
        assertThatThrownBy(() -> CommandLine.parse("--target", "http://10.0.0.8:8080"))
                .isInstanceOf(TargetGuard.RemoteTargetRefused.class);
        // A host that merely starts like localhost is still another host.
        assertThatThrownBy(() -> CommandLine.parse("--target", "http://localhost.evil.example:8080"))
                .isInstanceOf(TargetGuard.RemoteTargetRefused.class);
        SimulationSettings allowed =
                CommandLine.parse("--target", "http://cityos.example.gov.cn:8080", "--allow-remote-target");
        assertThat(allowed.allowRemoteTarget()).isTrue();
    }

    @Test
    void aTargetThatIsNotAnHttpUrlIsRefused() {
        assertThatThrownBy(() -> CommandLine.parse("--target", "ftp://127.0.0.1/x"))
                .isInstanceOf(TargetGuard.RemoteTargetRefused.class)
                .hasMessageContaining("http");
        assertThatThrownBy(() -> CommandLine.parse("--target", "127.0.0.1:8080"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> CommandLine.parse("--seed", "x")).hasMessageContaining("--seed");
        assertThatThrownBy(() -> CommandLine.parse("--scale", "huge")).hasMessageContaining("small or full");
        assertThatThrownBy(() -> CommandLine.parse("--duration", "soon")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> CommandLine.parse("--speed", "0")).hasMessageContaining("--speed");
        assertThatThrownBy(() -> CommandLine.parse("--frobnicate")).hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> CommandLine.parse("--seed")).hasMessageContaining("needs a value");
    }
}
