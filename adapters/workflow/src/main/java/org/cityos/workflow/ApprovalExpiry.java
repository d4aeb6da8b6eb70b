package org.cityos.workflow;

/** Fires approval deadlines: expires the approval if it is still pending. */
final class ApprovalExpiry implements TimerHandler {
    private final Approvals approvals;

    ApprovalExpiry(Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public String kind() {
        return Approvals.EXPIRY_KIND;
    }

    @Override
    public void fire(FiredTimer timer) {
        ApprovalId.parse(timer.key().subject()).ifPresent(approvals::expire);
    }
}
