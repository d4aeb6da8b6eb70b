package org.cityos.workflow;

/**
 * The owner of one kind of approval (casework's extension requests, catalog's sharing requests); a Spring bean,
 * one per kind. Each callback runs in the transaction that changed the approval, so the owner's own writes
 * (extending a deadline, granting access) commit with the decision or not at all.
 */
public interface ApprovalHandler {
    /** The approval kind this handler owns, e.g. {@code casework.extension}. */
    String kind();

    /** The approval was completed by a decision: APPROVED, NARROWED or REFUSED. */
    void onDecided(Approval approval);

    /** Its deadline passed undecided; called in the transaction of the expiry timer. */
    void onExpired(Approval approval);

    /** A step other than the last approved it, and the next step now decides; nothing to do by default. */
    default void onAdvanced(Approval approval) {}

    /** The requester withdrew it; nothing to do by default. */
    default void onWithdrawn(Approval approval) {}
}
