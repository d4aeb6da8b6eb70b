package org.cityos.benchmarks.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * One device's credentials as the load sends them: MQTT client id and user name = {@code deviceId},
 * password (or HTTP bearer token) = {@code token}.
 */
public record DeviceLogin(String deviceId, String token) {

    /** {@code count} made-up devices, for brokers that accept anyone (the broker-alone runs). */
    public static List<DeviceLogin> synthetic(int count) {
        List<DeviceLogin> logins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            logins.add(new DeviceLogin("load-" + i, "token-" + i));
        }
        return logins;
    }

    /** {@code template} with {@code {id}} replaced by the device id, e.g. {@code cityos/devices/{id}/telemetry}. */
    public String topic(String template) {
        return template.replace("{id}", deviceId);
    }
}
