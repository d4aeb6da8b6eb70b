package org.cityos.casework;

import org.cityos.kernel.GeoPoint;

/**
 * A case as a channel reports it. Optional: external id (idempotency per channel), category (else suggested from
 * the text and confirmed later), point or address (one locates the other), caller (masked wherever shown), the
 * answer of a consultation answered at intake.
 */
public record NewCase(
        Channel channel,
        String externalId,
        RequestType requestType,
        String title,
        String content,
        String categoryCode,
        Urgency urgency,
        String address,
        GeoPoint point,
        String callerName,
        String callerPhone,
        String sourceRef,
        String answer) {}
