package org.cityos.alerting;

import java.util.Map;

/** For the cockpit's cards: alarms raised today and open now, by colour, within the viewer's scope. */
public record AlarmSummary(Map<Severity, Long> raisedToday, Map<Severity, Long> open) {}
