package org.cityos.audit;

import java.time.Instant;
import java.util.Map;
import org.cityos.kernel.access.ActorKind;

/**
 * One entry of the trail as stored, with its place in the hash chain once the chainer has reached it.
 *
 * @param chainSeq position in the chain; null while the entry waits for the chainer (at most seconds)
 * @param hash hex SHA-256 linking this entry to all before it; null while unchained
 */
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actorId,
        ActorKind actorKind,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String divisionCode,
        Map<String, Object> details,
        String requestId,
        Long chainSeq,
        String hash) {}
