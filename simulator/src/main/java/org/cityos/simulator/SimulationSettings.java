package org.cityos.simulator;

import java.net.URI;
import java.time.Duration;
import org.cityos.simulator.world.Scale;

/**
 * How to run a simulated city against a CityOS.
 *
 * @param mqttPort the CityOS device endpoint's MQTT port (its host is the target's)
 * @param maxConnections MQTT connections: the chattiest devices connect directly and the rest
 *     report through simulated gateways (see {@code GatewayPlan}); 0 means every device pushes over HTTP
 * @param speed simulated seconds per wall-clock second (1 is real time)
 * @param allowRemoteTarget whether a target other than this machine is allowed
 */
public record SimulationSettings(
        URI target,
        String user,
        String password,
        long seed,
        Scale scale,
        int mqttPort,
        int maxConnections,
        double speed,
        Duration duration,
        boolean allowRemoteTarget) {

    public static final String DEMO_PASSWORD = "CityOS-demo-2026";

    public SimulationSettings {
        if (maxConnections < 0) {
            throw new IllegalArgumentException("--max-connections must not be negative");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be positive");
        }
        TargetGuard.check(target, allowRemoteTarget);
    }

    /** The demo admin, MQTT on 1883, up to 15,000 MQTT connections, real time, until closed. */
    public static SimulationSettings of(URI target, long seed, Scale scale) {
        return new SimulationSettings(target, "admin", DEMO_PASSWORD, seed, scale, 1883, 15_000, 1.0, null, false);
    }

    public SimulationSettings withMqttPort(int port) {
        return new SimulationSettings(
                target, user, password, seed, scale, port, maxConnections, speed, duration, allowRemoteTarget);
    }

    public SimulationSettings withMaxConnections(int max) {
        return new SimulationSettings(
                target, user, password, seed, scale, mqttPort, max, speed, duration, allowRemoteTarget);
    }

    public SimulationSettings withLogin(String user, String password) {
        return new SimulationSettings(
                target, user, password, seed, scale, mqttPort, maxConnections, speed, duration, allowRemoteTarget);
    }
}
