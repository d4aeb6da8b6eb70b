package org.cityos.alerting;

import java.time.Instant;
import org.cityos.kernel.GeoPoint;

/**
 * What every alarm event carries, so that a consumer (casework's policies, notifications, the cockpit) needs no
 * query back: which rule found what, about whom, where, how bad.
 *
 * @param subject the device id, or the division code for rules grouped by division
 * @param deviceId the device, or null for a division finding
 * @param location the device's position, or null
 */
public record AlarmFacts(
        AlarmId alarmId,
        RuleId ruleId,
        String ruleName,
        String template,
        RuleKind kind,
        Severity severity,
        String subject,
        String deviceId,
        String deviceType,
        String division,
        GeoPoint location,
        String title,
        String detail,
        Instant raisedAt,
        int repeatCount,
        int escalationLevel) {}
