package org.cityos.alerting.persistence;

import java.time.Instant;

/** An alarm row as stored; the facade turns it into the public {@code Alarm}. */
public record AlarmRow(
        String id,
        String ruleId,
        int ruleVersion,
        String ruleName,
        String template,
        String kind,
        String severity,
        String subject,
        String deviceId,
        String deviceType,
        String division,
        Double lon,
        Double lat,
        String title,
        String detail,
        String status,
        Instant raisedAt,
        Instant lastSeenAt,
        int repeatCount,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String clearedBy,
        Instant clearedAt,
        String resolvedBy,
        Instant resolvedAt,
        int escalationLevel,
        Instant escalateAt,
        Instant escalatedAt,
        boolean flapping,
        int flapCount,
        Instant clearPendingSince,
        int version) {}
