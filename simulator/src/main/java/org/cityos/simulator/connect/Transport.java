package org.cityos.simulator.connect;

import java.util.concurrent.CompletableFuture;
import org.cityos.simulator.world.SimDevice;

/** How a device's telemetry reaches CityOS: its own MQTT connection, or an HTTP push. */
public interface Transport extends AutoCloseable {
    /** Sends one telemetry message; completes when CityOS acknowledged it, exceptionally if it did not. */
    CompletableFuture<Void> send(SimDevice device, byte[] json);

    /** The name reports are counted under (mqtt, http). */
    String name();

    @Override
    void close();
}
