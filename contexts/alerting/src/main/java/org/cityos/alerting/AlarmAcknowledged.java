package org.cityos.alerting;

import java.time.Instant;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/**
 * Someone took notice of an alarm.
 *
 * @param by the user who acted, or null when CityOS did
 */
@EventType("alerting.alarm-acknowledged")
public record AlarmAcknowledged(AlarmFacts alarm, String by, String note, Instant at) implements DomainEvent {
    @Override
    public String key() {
        return alarm.alarmId().value();
    }
}
