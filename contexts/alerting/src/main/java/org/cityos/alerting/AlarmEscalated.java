package org.cityos.alerting;

import java.time.Instant;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/**
 * Nobody acknowledged the alarm in time; {@code escalationLevel} in the facts says how far it has gone.
 *
 * @param by the user who acted, or null when CityOS did
 */
@EventType("alerting.alarm-escalated")
public record AlarmEscalated(AlarmFacts alarm, String by, String note, Instant at) implements DomainEvent {
    @Override
    public String key() {
        return alarm.alarmId().value();
    }
}
