package org.cityos.catalog;

import org.cityos.workflow.Approval;
import org.cityos.workflow.ApprovalHandler;

/** Sharing's side of the workflow engine: a completed approval decides the request, a passed deadline expires it. */
final class ShareApprovalHandler implements ApprovalHandler {
    private final Sharing sharing;

    ShareApprovalHandler(Sharing sharing) {
        this.sharing = sharing;
    }

    @Override
    public String kind() {
        return Sharing.KIND;
    }

    @Override
    public void onDecided(Approval approval) {
        sharing.onApprovalDecided(approval);
    }

    @Override
    public void onExpired(Approval approval) {
        sharing.onApprovalExpired(approval);
    }
}
