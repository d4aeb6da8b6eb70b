package org.cityos.alerting;

import java.time.Instant;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/**
 * The alarm came back too often in a short time; notifications for it pause until it settles.
 *
 * @param by the user who acted, or null when CityOS did
 */
@EventType("alerting.alarm-flapping")
public record AlarmFlapping(AlarmFacts alarm, String by, String note, Instant at) implements DomainEvent {
    @Override
    public String key() {
        return alarm.alarmId().value();
    }
}
