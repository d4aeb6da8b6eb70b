package org.cityos.iot;

import java.time.Instant;

/**
 * What a valid device token says about its bearer: which device, of which type, in which state;
 * {@code expiresAt} is set for a token rotated out and still inside its overlap window.
 */
public record DeviceCredentialCheck(DeviceId deviceId, String typeCode, DeviceState state, Instant expiresAt) {}
