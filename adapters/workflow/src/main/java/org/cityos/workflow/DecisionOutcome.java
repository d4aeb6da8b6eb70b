package org.cityos.workflow;

/** What one step decided; {@link #WITHDRAWN} is recorded by {@link Approvals#withdraw} and cannot be decided. */
public enum DecisionOutcome {
    APPROVED,
    /** Approved with a smaller payload (fewer days, fewer fields); later steps decide on the narrowed one. */
    NARROWED,
    REFUSED,
    WITHDRAWN
}
