package org.cityos.simulator.connect;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.cityos.simulator.world.SimDevice;

/**
 * Telemetry over HTTP as the device itself ({@code POST /api/ingest/telemetry} with its token), at most
 * {@code inFlight} requests at once so a slow CityOS slows the simulator instead of piling up requests.
 */
public final class HttpTransport implements Transport {
    private final CityOsClient client;
    private final Map<String, String> tokenBySerial;
    private final Semaphore inFlight;

    public HttpTransport(CityOsClient client, Map<String, String> tokenBySerial, int inFlight) {
        this.client = client;
        this.tokenBySerial = tokenBySerial;
        this.inFlight = new Semaphore(inFlight);
    }

    @Override
    public CompletableFuture<Void> send(SimDevice device, byte[] json) {
        String token = tokenBySerial.get(device.serial());
        if (token == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no token for " + device.serial()));
        }
        inFlight.acquireUninterruptibly();
        return client.pushTelemetry(token, json)
                .whenComplete((status, error) -> inFlight.release())
                .thenAccept(status -> {
                    if (status != 200) { // 202 means CityOS dead-lettered the message: a failure too
                        throw new CityOsRefused("telemetry of " + device.serial(), status, "");
                    }
                });
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void close() {}
}
