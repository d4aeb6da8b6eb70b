package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A layer's features were replaced, appended to, changed or removed; maps and caches refresh on it. */
@EventType("spatial.layer-features-changed")
public record LayerFeaturesChanged(String layerId, String change, long featureCount, long featuresVersion)
        implements DomainEvent {
    @Override
    public String key() {
        return layerId;
    }
}
