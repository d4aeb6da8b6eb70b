package org.cityos.alerting;

import java.time.Instant;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/**
 * A rule's finding became an alarm (or a cleared one came back).
 *
 * @param by the user who acted, or null when CityOS did
 */
@EventType("alerting.alarm-raised")
public record AlarmRaised(AlarmFacts alarm, String by, String note, Instant at) implements DomainEvent {
    @Override
    public String key() {
        return alarm.alarmId().value();
    }
}
