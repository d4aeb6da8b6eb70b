package org.cityos.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.cityos.simulator.world.Scale;

/**
 * How to run a simulated city against a CityOS.
 *
 * @param mqttPort the CityOS device endpoint's MQTT port (its host is the target's)
 * @param maxConnections MQTT connections: the chattiest devices connect directly and the rest
 *     report through simulated gateways (see {@code GatewayPlan}); 0 means every device pushes over HTTP
 * @param speed simulated seconds per wall-clock second (1 is real time)
 * @param allowRemoteTarget whether a target other than this machine is allowed
 * @param requestsPerDay citizens' requests filed per simulated day (12345 and Open311); above 0 the run also
 *     enlists a handler per department and town, who work their inboxes, a grid worker per grid, and an operator
 *     who follows up and closes
 * @param gridPatrols grid workers on patrol when there are requests: they sign in, report from their grids and check
 *     replies on site; every other grid's worker is registered but stays signed out (see {@code GridStaff})
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
        boolean allowRemoteTarget,
        double requestsPerDay,
        int gridPatrols) {

    public static final String DEMO_PASSWORD = "CityOS-demo-2026";

    public SimulationSettings {
        if (maxConnections < 0) {
            throw new IllegalArgumentException("--max-connections must not be negative");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be positive");
        }
        if (requestsPerDay < 0) {
            throw new IllegalArgumentException("--requests-per-day must not be negative");
        }
        if (gridPatrols < 0) {
            throw new IllegalArgumentException("--grid-patrols must not be negative");
        }
        TargetGuard.check(target, allowRemoteTarget);
    }

    /**
     * The demo admin, MQTT on 1883, up to 15,000 MQTT connections, real time, until closed, devices only (and the
     * scale's grid patrol once requests are asked for).
     */
    public static SimulationSettings of(URI target, long seed, Scale scale) {
        return new SimulationSettings(
                target, "admin", DEMO_PASSWORD, seed, scale, 1883, 15_000, 1.0, null, false, 0, gridPatrols(scale));
    }

    /** Grid workers on patrol by default: 10 in the small district, 100 of the full one's ~2,000 grids. */
    public static int gridPatrols(Scale scale) {
        return scale == Scale.FULL ? 100 : 10;
    }

    public SimulationSettings withMqttPort(int port) {
        return edit(b -> b.mqttPort = port);
    }

    public SimulationSettings withMaxConnections(int max) {
        return edit(b -> b.maxConnections = max);
    }

    public SimulationSettings withLogin(String user, String password) {
        return edit(b -> {
            b.user = user;
            b.password = password;
        });
    }

    public SimulationSettings withRequestsPerDay(double perDay) {
        return edit(b -> b.requestsPerDay = perDay);
    }

    public SimulationSettings withGridPatrols(int onPatrol) {
        return edit(b -> b.gridPatrols = onPatrol);
    }

    public SimulationSettings withSpeed(double simulatedSecondsPerSecond) {
        return edit(b -> b.speed = simulatedSecondsPerSecond);
    }

    /** A copy with {@code change} applied, checked like any other. */
    private SimulationSettings edit(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new SimulationSettings(
                d.target,
                d.user,
                d.password,
                d.seed,
                d.scale,
                d.mqttPort,
                d.maxConnections,
                d.speed,
                d.duration,
                d.allowRemoteTarget,
                d.requestsPerDay,
                d.gridPatrols);
    }

    /** The settings' values while a wither changes some of them. */
    private static final class Draft {
        URI target;
        String user;
        String password;
        long seed;
        Scale scale;
        int mqttPort;
        int maxConnections;
        double speed;
        Duration duration;
        boolean allowRemoteTarget;
        double requestsPerDay;
        int gridPatrols;

        Draft(SimulationSettings s) {
            target = s.target;
            user = s.user;
            password = s.password;
            seed = s.seed;
            scale = s.scale;
            mqttPort = s.mqttPort;
            maxConnections = s.maxConnections;
            speed = s.speed;
            duration = s.duration;
            allowRemoteTarget = s.allowRemoteTarget;
            requestsPerDay = s.requestsPerDay;
            gridPatrols = s.gridPatrols;
        }
    }
}
