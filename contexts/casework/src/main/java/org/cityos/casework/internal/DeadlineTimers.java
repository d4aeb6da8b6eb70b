package org.cityos.casework.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cityos.casework.CaseStatus;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.workflow.TimerKey;
import org.cityos.workflow.Timers;

/**
 * A case's four deadline timers — response warning and due, resolution warning and due — kept on the shared workflow
 * timers so that they survive restarts and fire once across nodes; {@link DeadlineFiring} acts when they fire. Only
 * the timers whose wanted time changed are written: most steps (start, co-handling, supervision) write none.
 */
public final class DeadlineTimers implements DeadlineKeeper {
    public static final String KIND = "casework.deadline";
    static final EnumSet<CaseStatus> RUNNING_STATES =
            EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS);

    private final Timers timers;

    public DeadlineTimers(Timers timers) {
        this.timers = timers;
    }

    /** The timers a case wants, by name, with when each is due; empty for a case that is not running. */
    public static Map<String, Instant> wanted(CaseRow row) {
        Map<String, Instant> wanted = new LinkedHashMap<>();
        if (!RUNNING_STATES.contains(CaseStatus.valueOf(row.status))) {
            return wanted;
        }
        if (row.signedAt == null && row.responseDue != null && !row.responseOverdue) {
            put(wanted, "response-warn", row.responseWarnAt);
            put(wanted, "response-due", row.responseDue);
        }
        if (row.resolutionDue != null && !row.resolutionOverdue) {
            put(wanted, "resolution-warn", row.resolutionWarnAt);
            put(wanted, "resolution-due", row.resolutionDue);
        }
        return wanted;
    }

    @Override
    public void reconcile(CaseRow row, Map<String, Instant> before, Instant now) {
        Map<String, Instant> after = wanted(row);
        for (String name : new String[] {"response-warn", "response-due", "resolution-warn", "resolution-due"}) {
            Instant was = before.get(name);
            Instant is = after.get(name);
            if (Objects.equals(was, is)) {
                continue;
            }
            TimerKey key = new TimerKey(KIND, row.id, name);
            // A warning whose moment has passed is not worth a timer: the due date still comes.
            if (is != null && (!name.endsWith("-warn") || is.isAfter(now))) {
                timers.schedule(key, is, Map.of());
            } else if (was != null) {
                timers.cancel(key);
            }
        }
    }

    private static void put(Map<String, Instant> wanted, String name, Instant at) {
        if (at != null) {
            wanted.put(name, at);
        }
    }
}
