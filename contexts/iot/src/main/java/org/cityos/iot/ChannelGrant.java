package org.cityos.iot;

import java.time.Instant;
import org.cityos.kernel.DepartmentCode;

/** A department's right to view a channel it does not own, until {@code expiresAt} unless revoked. */
public record ChannelGrant(
        long id,
        VideoChannelId channelId,
        DepartmentCode department,
        String purpose,
        String grantedBy,
        Instant grantedAt,
        Instant expiresAt,
        String revokedBy,
        Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
