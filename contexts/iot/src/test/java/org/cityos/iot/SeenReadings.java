package org.cityos.iot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A telemetry observer for tests that keeps what it was told, looking ahead or not. */
final class SeenReadings implements TelemetryObserver {
    final List<StoredReading> seen = new CopyOnWriteArrayList<>();
    private final boolean ahead;

    SeenReadings(boolean ahead) {
        this.ahead = ahead;
    }

    @Override
    public void stored(List<StoredReading> readings) {
        seen.addAll(readings);
    }

    @Override
    public boolean ahead() {
        return ahead;
    }

    /** The values of {@code property} seen for {@code device}, in order. */
    List<Double> values(DeviceId device, String property) {
        return seen.stream()
                .filter(r -> r.deviceId().equals(device.value()) && r.property().equals(property))
                .map(StoredReading::number)
                .toList();
    }
}
