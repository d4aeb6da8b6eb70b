package org.cityos.casework;

import java.util.List;

/**
 * One service of the public catalogue (GeoReport v2 "service"): what a citizen can report, the category its cases
 * take, and the extra questions it asks ({@code attributes}; a service with any has {@code metadata=true}).
 *
 * @param keywords comma-separated, as the spec shows them
 * @param type always {@code realtime}: a case and its number exist as soon as a request is posted
 */
public record Open311Service(
        String code,
        String categoryCode,
        String name,
        String description,
        String group,
        String keywords,
        String type,
        boolean active,
        List<ServiceAttribute> attributes,
        int version) {

    public Open311Service {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** True when the service has a definition worth fetching: questions beyond the standard fields. */
    public boolean metadata() {
        return !attributes.isEmpty();
    }
}
