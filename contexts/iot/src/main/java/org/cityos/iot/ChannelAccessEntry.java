package org.cityos.iot;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to open a channel, as the access log keeps it.
 *
 * @param reason OWNER, GRANT (allowed) or NO_GRANT, DECOMMISSIONED, OUT_OF_SCOPE, MISSING_PERMISSION
 */
public record ChannelAccessEntry(
        long id,
        VideoChannelId channelId,
        String actorId,
        String actorName,
        List<String> departments,
        String purpose,
        boolean allowed,
        String reason,
        Instant occurredAt) {
    public ChannelAccessEntry {
        departments = List.copyOf(departments);
    }
}
