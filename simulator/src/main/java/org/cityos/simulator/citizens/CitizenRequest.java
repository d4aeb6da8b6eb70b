package org.cityos.simulator.citizens;

import java.time.Instant;
import org.cityos.kernel.GeoPoint;

/**
 * A request a synthetic citizen files: by the 12345 hotline (the ticket is the call centre's id, so filing twice
 * makes one case) or through Open311 (then {@code open311Service} names the service).
 */
public record CitizenRequest(
        String ticket,
        Channel channel,
        Instant at,
        String category,
        String open311Service,
        String title,
        String content,
        GeoPoint point,
        String callerName,
        String callerPhone) {

    /** How the request reaches CityOS. */
    public enum Channel {
        HOTLINE,
        OPEN311
    }
}
