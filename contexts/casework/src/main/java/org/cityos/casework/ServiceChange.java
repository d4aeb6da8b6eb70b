package org.cityos.casework;

import java.util.List;

/** An operator's new content for a catalogue service; {@code active=false} hides it from the public catalogue. */
public record ServiceChange(
        String categoryCode,
        String name,
        String description,
        String group,
        String keywords,
        Boolean active,
        List<ServiceAttribute> attributes) {}
