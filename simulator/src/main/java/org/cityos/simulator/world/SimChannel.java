package org.cityos.simulator.world;

import org.cityos.kernel.GeoPoint;

/**
 * A simulated video channel: its 20-digit GB/T 28181 id (centre from the district and town, industry, camera type,
 * network, serial), a name marked 【合成】, the department that owns it and where it stands.
 */
public record SimChannel(String gbId, String name, String department, GeoPoint at, boolean ptz, String status) {
    public SimChannel {
        if (gbId.length() != 20 || !gbId.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a GB/T 28181 id has 20 digits: " + gbId);
        }
    }
}
