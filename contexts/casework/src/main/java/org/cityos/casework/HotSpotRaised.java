package org.cityos.casework;

import java.time.Instant;
import java.util.List;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A new hot spot was found; the cockpit and the command centre react. Growth of a known one raises nothing. */
@EventType("casework.hotspot-raised")
public record HotSpotRaised(
        String hotSpotId,
        String categoryCode,
        double lon,
        double lat,
        int caseCount,
        String divisionCode,
        List<String> caseIds,
        Instant raisedAt)
        implements DomainEvent {

    public HotSpotRaised {
        caseIds = List.copyOf(caseIds);
    }

    @Override
    public String key() {
        return hotSpotId;
    }
}
