package org.cityos.iot;

import java.time.Instant;

/**
 * A freshly issued device token. The {@code token} is shown this once and never again (only its
 * SHA-256 digest is stored); use it as MQTT username and password or as an HTTP bearer token.
 *
 * @param previousValidUntil until when the device's earlier token(s) keep working, or null if there were none
 */
public record DeviceCredential(DeviceId deviceId, String token, Instant issuedAt, Instant previousValidUntil) {
    @Override
    public String toString() {
        // Keeps the secret out of logs and exception messages.
        return "DeviceCredential[" + deviceId + ", issued " + issuedAt + "]";
    }
}
