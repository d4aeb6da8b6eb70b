package org.cityos.audit;

import java.time.Instant;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Which entries to find; every criterion is optional and they combine with AND.
 *
 * @param actionPrefix matches actions starting with it, so {@code identity.user} finds all user actions
 * @param from inclusive lower bound of {@code occurredAt}
 * @param to exclusive upper bound of {@code occurredAt}
 */
public record AuditQuery(
        String actorId, String actionPrefix, String targetType, String targetId, Instant from, Instant to) {

    private static final int MAX_TEXT = 200;

    public AuditQuery {
        actorId = blankToNull("actorId", actorId);
        actionPrefix = blankToNull("action", actionPrefix);
        targetType = blankToNull("targetType", targetType);
        targetId = blankToNull("targetId", targetId);
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidInput.of("from", "audit.validation.from-after-to");
        }
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    private static String blankToNull(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw InvalidInput.of(field, "validation.too-long", MAX_TEXT);
        }
        return value.strip();
    }
}
