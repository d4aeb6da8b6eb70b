package org.cityos.alerting;

import java.time.Instant;
import java.util.List;

/** What an alarm search is narrowed to; null or empty fields do not narrow. {@code q} matches title or rule name. */
public record AlarmFilter(
        List<AlarmStatus> statuses,
        List<Severity> severities,
        RuleId rule,
        String device,
        String division,
        Instant from,
        Instant to,
        String q) {

    public static AlarmFilter open() {
        return new AlarmFilter(
                List.of(AlarmStatus.RAISED, AlarmStatus.ACKNOWLEDGED), null, null, null, null, null, null, null);
    }
}
