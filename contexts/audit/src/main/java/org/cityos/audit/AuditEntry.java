package org.cityos.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;

/**
 * One thing to put on the trail: who did which action to what, where, with which particulars.
 *
 * @param actor the user, API key or CityOS itself
 * @param action dotted, lowercase name such as {@code identity.user.create} or {@code identity.user.unmask}
 * @param targetType what kind of thing was touched, such as {@code identity.user}; may be null
 * @param targetId which one; may be null
 * @param division the division the target belongs to, when it has one; may be null
 * @param details particulars (changed fields, reasons); stored as JSON, never null
 */
public record AuditEntry(
        Actor actor,
        String action,
        String targetType,
        String targetId,
        DivisionCode division,
        Map<String, Object> details) {

    // Callers are other contexts, so a bad action name is a programming error, not user input.
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+){1,7}");
    private static final int MAX_TEXT = 200;

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        if (action == null
                || action.length() > MAX_TEXT
                || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action must be a dotted lowercase name: " + action);
        }
        requireShort("targetType", targetType);
        requireShort("targetId", targetId);
        // Map.copyOf would refuse null values, which details legitimately hold ("was": null).
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    private static void requireShort(String name, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(name + " longer than " + MAX_TEXT + " characters");
        }
    }
}
