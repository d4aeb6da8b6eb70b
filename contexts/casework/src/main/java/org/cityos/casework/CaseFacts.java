package org.cityos.casework;

import java.time.Instant;
import org.cityos.kernel.GeoPoint;

/** What every case event carries so that a consumer (cockpit, notifications, rates) needs no query back. */
public record CaseFacts(
        CaseId caseId,
        String number,
        Channel channel,
        RequestType requestType,
        String categoryCode,
        Urgency urgency,
        CaseStatus status,
        String divisionCode,
        String mainUnit,
        GeoPoint location,
        String title,
        Instant receivedAt,
        Instant responseDue,
        Instant resolutionDue) {}
