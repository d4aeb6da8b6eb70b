package org.cityos.casework;

import java.time.Instant;

/**
 * A service request as the public sees it (GeoReport v2 "request"): no caller, and phone or ID numbers inside the
 * citizen's own description masked. {@code open} is the spec's status: closed once the case is closed or merged.
 */
public record PublicRequest(
        String serviceRequestId,
        boolean open,
        String statusNotes,
        String serviceName,
        String serviceCode,
        String description,
        String agencyResponsible,
        String serviceNotice,
        Instant requestedAt,
        Instant updatedAt,
        Instant expectedAt,
        String address,
        String addressId,
        String zipcode,
        Double lat,
        Double lon,
        String mediaUrl) {

    public String status() {
        return open ? "open" : "closed";
    }
}
