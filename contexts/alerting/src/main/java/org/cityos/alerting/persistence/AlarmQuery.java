package org.cityos.alerting.persistence;

import java.time.Instant;
import java.util.List;

/**
 * What an alarm search is narrowed to; null or empty fields do not narrow. {@code divisionPrefixes} carries the
 * actor's scope (null = everywhere).
 */
public record AlarmQuery(
        List<String> statuses,
        List<String> severities,
        String ruleId,
        String deviceId,
        String division,
        Instant from,
        Instant to,
        String text,
        List<String> divisionPrefixes) {}
