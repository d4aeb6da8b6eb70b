package org.cityos.casework.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.cityos.casework.CaseStatus;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.workflow.TimerKey;
import org.cityos.workflow.Timers;

/**
 * A case's four deadline timers — response warning and due, resolution warning and due — kept on the shared workflow
 * timers so that they survive restarts and fire once across nodes; {@link DeadlineFiring} acts when they fire.
 */
public final class DeadlineTimers implements DeadlineKeeper {
    public static final String KIND = "casework.deadline";
    private static final EnumSet<CaseStatus> RUNNING =
            EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS);

    static final EnumSet<CaseStatus> RUNNING_STATES = RUNNING;

    private final Timers timers;

    public DeadlineTimers(Timers timers) {
        this.timers = timers;
    }

    @Override
    public void reconcile(CaseRow row, Instant now) {
        CaseStatus status = CaseStatus.valueOf(row.status);
        boolean running = RUNNING.contains(status);
        boolean response = running && row.signedAt == null && row.responseDue != null && !row.responseOverdue;
        boolean resolution = running && row.resolutionDue != null && !row.resolutionOverdue;
        keep(row.id, "response-warn", response, row.responseWarnAt, now);
        keep(row.id, "response-due", response, row.responseDue, now);
        keep(row.id, "resolution-warn", resolution, row.resolutionWarnAt, now);
        keep(row.id, "resolution-due", resolution, row.resolutionDue, now);
    }

    private void keep(String caseId, String name, boolean wanted, Instant at, Instant now) {
        TimerKey key = new TimerKey(KIND, caseId, name);
        boolean warning = name.endsWith("-warn");
        if (wanted && at != null && (!warning || at.isAfter(now))) {
            timers.schedule(key, at, Map.of());
        } else {
            timers.cancel(key);
        }
    }
}
