package org.cityos.casework.internal;

import java.time.Instant;
import java.util.Map;
import org.cityos.casework.persistence.CaseRow;

/** Keeps a case's deadline timers in step with its state, in the transaction that changed it. */
public interface DeadlineKeeper {
    /**
     * Brings the timers from what the case wanted when it was read ({@code before}, by timer name) to what it wants
     * now, writing only the timers that changed.
     */
    void reconcile(CaseRow row, Map<String, Instant> before, Instant now);
}
