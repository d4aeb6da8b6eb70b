package org.cityos.casework.internal;

import java.time.Instant;
import org.cityos.casework.persistence.CaseRow;

/** Keeps a case's deadline timers in step with its state, in the transaction that changed it. */
public interface DeadlineKeeper {
    void reconcile(CaseRow row, Instant now);
}
