package org.cityos.outbox.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of stored events. It is a persistence format, so it is kept apart from the HTTP
 * mapper: tuning the API's JSON must never change how yesterday's events are read back.
 */
public final class EventJson {
    private EventJson() {}

    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                // An older node may read an event written by a newer one that added a field.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
