package org.cityos.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.Sharing.DecisionContent;
import org.cityos.catalog.persistence.ShareStore;
import org.cityos.catalog.persistence.StoredShare;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.event.EventBus;
import org.cityos.workflow.Approval;
import org.cityos.workflow.ApprovalDecision;
import org.cityos.workflow.ApprovalHandler;

/**
 * Sharing's side of the workflow engine, called in the engine's transaction: a completed approval decides the
 * request (when it was not decided through {@link Sharing#decide} already), a passed deadline expires it.
 */
final class ShareApprovalHandler implements ApprovalHandler {
    private static final Actor ENGINE = Actor.system("catalog-sharing");
    private final Sharing sharing;
    private final ShareStore shares;
    private final AuditTrail audit;
    private final EventBus events;
    private final Clock clock;

    ShareApprovalHandler(Sharing sharing, ShareStore shares, AuditTrail audit, EventBus events, Clock clock) {
        this.sharing = sharing;
        this.shares = shares;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return Sharing.KIND;
    }

    /** Decided on the engine alone (a generic inbox): applied from the approval, with the default terms. */
    @Override
    public void onDecided(Approval approval) {
        StoredShare share = shares.find(approval.subject()).orElseThrow();
        if (!ShareStatus.REQUESTED.name().equals(share.status())) {
            return; // decided through Sharing.decide, earlier in this transaction
        }
        Map<String, String> granted = approval.effectivePayload();
        ApprovalDecision last = approval.decisions().get(approval.decisions().size() - 1);
        ShareStatus outcome = ShareStatus.valueOf(approval.status().name());
        ShareDecision decision = outcome == ShareStatus.NARROWED
                ? new ShareDecision(
                        outcome,
                        List.of(granted.get("fields").split(",")),
                        granted.get("periodFrom"),
                        granted.get("periodTo"),
                        last.note())
                : new ShareDecision(outcome, null, null, null, last.note());
        DecisionContent content = ShareRules.decision(share, decision);
        ShareTerms terms = outcome == ShareStatus.REFUSED ? null : ShareTerms.of(decision, content.fields());
        sharing.record(ENGINE, last.by(), share, content, terms, last.note(), now());
    }

    /** Undecided by its due date: the request expires and can no longer be decided. */
    @Override
    public void onExpired(Approval approval) {
        StoredShare share = shares.find(approval.subject()).orElseThrow();
        if (shares.expire(share.id(), now())) {
            audit.record(
                    ENGINE,
                    "catalog.share.expire",
                    Sharing.TARGET,
                    share.id(),
                    Map.of("due", share.decisionDue().toString()));
            events.publish(new ShareDecided(
                    share.id(),
                    share.resourceCode(),
                    share.requestingDepartment(),
                    ShareStatus.EXPIRED,
                    List.of(),
                    null,
                    null));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
