package org.cityos.workflow;

/** Where an approval stands; every status but {@link #PENDING} is final. */
public enum ApprovalStatus {
    PENDING,
    /** Every step approved the request as asked. */
    APPROVED,
    /** Granted, but some step narrowed what was asked: {@link Approval#effectivePayload()} holds what was granted. */
    NARROWED,
    REFUSED,
    /** Its deadline passed before the last step decided. */
    EXPIRED,
    /** Its requester took it back. */
    WITHDRAWN;

    public boolean isFinal() {
        return this != PENDING;
    }
}
