package org.cityos.alerting;

import java.time.Instant;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/**
 * The condition went back to normal, or an operator cleared the alarm (then {@code by} names them).
 *
 * @param by the user who acted, or null when CityOS did
 */
@EventType("alerting.alarm-cleared")
public record AlarmCleared(AlarmFacts alarm, String by, String note, Instant at) implements DomainEvent {
    @Override
    public String key() {
        return alarm.alarmId().value();
    }
}
