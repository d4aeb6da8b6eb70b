package org.cityos.simulator;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.cityos.simulator.conditions.CityConditions;
import org.cityos.simulator.world.Scale;
import org.cityos.simulator.world.SimDevice;

/**
 * A synthetic district loaded into a running CityOS and reporting to it until closed: the entry point for demos,
 * system tests and benchmarks. Scenarios pull {@link #conditions()}; the devices' readings follow.
 */
public final class SimulatedCity implements AutoCloseable {

    /**
     * Generates the district for {@code seed} at {@code scale} over the target's geography, loads it (devices,
     * credentials) through the public API as the demo admin, and starts reporting on {@code clock}'s time.
     * Reporting uses HTTP only (MQTT needs {@link #start(SimulationSettings, Clock)} with the endpoint's port).
     */
    public static SimulatedCity start(URI target, long seed, Scale scale, Clock clock) {
        return start(SimulationSettings.of(target, seed, scale).withMaxConnections(0), clock);
    }

    public static SimulatedCity start(SimulationSettings settings, Clock clock) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The levers scenarios pull; vehicles may be named by CityOS id or by serial. */
    public CityConditions conditions() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every simulated device, in the district's order. */
    public List<SimDevice> devices() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The CityOS id the device with this {@code SIM-} serial was registered under. */
    public String deviceId(String serial) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Stops reporting and closes every connection; the devices stay registered. */
    @Override
    public void close() {}
}
