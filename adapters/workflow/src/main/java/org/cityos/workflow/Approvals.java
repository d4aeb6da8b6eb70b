package org.cityos.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.cityos.workflow.internal.ApprovalStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single- or multi-step approvals with a deadline. Each step decides in turn; the last step's approval completes it,
 * a refusal at any step ends it, and its deadline timer ({@value #EXPIRY_KIND}) expires it undecided. The engine
 * records who decided; whether they may is the caller's check. Every method joins the caller's transaction or
 * runs in one of its own, and the owner's {@link ApprovalHandler} is called inside it.
 */
public class Approvals {
    /** The timer kind of approval deadlines. */
    public static final String EXPIRY_KIND = "workflow.approval-expiry";

    private static final String EXPIRY_NAME = "expiry";

    private final ApprovalStore store;
    private final Timers timers;
    private final Supplier<Map<String, ApprovalHandler>> handlers;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Approvals(
            ApprovalStore store,
            Timers timers,
            Supplier<Map<String, ApprovalHandler>> handlers,
            TransactionTemplate transaction,
            Clock clock) {
        this.store = store;
        this.timers = timers;
        this.handlers = handlers;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Opens a pending approval at its first step and schedules its expiry.
     *
     * @param steps approver labels in order; at least one
     * @param dueAt when it expires undecided (must be in the future), or null for never
     */
    public Approval open(
            String kind,
            String subject,
            String requestedBy,
            String requestedByName,
            String reason,
            Map<String, String> payload,
            List<String> steps,
            Instant dueAt) {
        Instant now = clock.instant();
        List<FieldIssue> issues = new ArrayList<>();
        requireText(issues, "kind", kind);
        requireText(issues, "subject", subject);
        requireText(issues, "requestedBy", requestedBy);
        if (steps == null || steps.isEmpty()) {
            issues.add(new FieldIssue("steps", "validation.NotEmpty"));
        } else if (steps.stream().anyMatch(s -> s == null || s.isBlank())) {
            issues.add(new FieldIssue("steps", "validation.NotBlank"));
        }
        if (dueAt != null && !dueAt.isAfter(now)) {
            issues.add(new FieldIssue("dueAt", "workflow.validation.due-in-past"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        handler(kind);
        Approval approval = new Approval(
                ApprovalId.random(),
                kind,
                subject,
                requestedBy,
                requestedByName == null ? requestedBy : requestedByName,
                reason == null ? "" : reason,
                payload == null ? Map.of() : payload,
                steps,
                0,
                ApprovalStatus.PENDING,
                List.of(),
                dueAt,
                now,
                0);
        transaction.executeWithoutResult(status -> {
            store.insert(approval);
            if (dueAt != null) {
                timers.schedule(expiryKey(approval.id()), dueAt, Map.of());
            }
        });
        return approval;
    }

    /**
     * Records the current step's decision. APPROVED or NARROWED at the last step completes the approval (NARROWED
     * when any step narrowed it); REFUSED at any step completes it as REFUSED; otherwise the next step decides.
     *
     * @param narrowedPayload what the step grants instead of the asked payload; given with NARROWED, and only then
     * @throws ApprovalClosed when it is no longer pending (409)
     * @throws ConcurrentChange when {@code expectedVersion} is not its version (409)
     */
    public Approval decide(
            ApprovalId id,
            String by,
            String byName,
            DecisionOutcome outcome,
            String note,
            Map<String, String> narrowedPayload,
            int expectedVersion) {
        List<FieldIssue> issues = new ArrayList<>();
        requireText(issues, "by", by);
        if (outcome == null || outcome == DecisionOutcome.WITHDRAWN) {
            issues.add(new FieldIssue("outcome", "validation.NotNull"));
        }
        boolean narrowing = outcome == DecisionOutcome.NARROWED;
        boolean hasNarrowed = narrowedPayload != null && !narrowedPayload.isEmpty();
        if (narrowing != hasNarrowed) {
            issues.add(new FieldIssue("narrowedPayload", "workflow.validation.narrowed-payload"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return change(id, expectedVersion, a -> {
            boolean refused = outcome == DecisionOutcome.REFUSED;
            boolean completes = refused || a.isLastStep();
            ApprovalStatus next = !completes
                    ? ApprovalStatus.PENDING
                    : refused
                            ? ApprovalStatus.REFUSED
                            : narrowing || a.decisions().stream().anyMatch(d -> d.outcome() == DecisionOutcome.NARROWED)
                                    ? ApprovalStatus.NARROWED
                                    : ApprovalStatus.APPROVED;
            return new Change(
                    completes ? a.currentStep() : a.currentStep() + 1,
                    next,
                    new ApprovalDecision(
                            a.currentStep(),
                            by,
                            byName == null ? by : byName,
                            outcome,
                            note,
                            narrowing ? narrowedPayload : null,
                            clock.instant()));
        });
    }

    /** The requester takes a pending approval back; its expiry is cancelled. */
    public Approval withdraw(ApprovalId id, String by, String byName, String note, int expectedVersion) {
        if (by == null || by.isBlank()) {
            throw InvalidInput.of("by", "validation.NotBlank");
        }
        return change(
                id,
                expectedVersion,
                a -> new Change(
                        a.currentStep(),
                        ApprovalStatus.WITHDRAWN,
                        new ApprovalDecision(
                                a.currentStep(),
                                by,
                                byName == null ? by : byName,
                                DecisionOutcome.WITHDRAWN,
                                note,
                                null,
                                clock.instant())));
    }

    /** @throws NotFound when there is no such approval */
    public Approval get(ApprovalId id) {
        return store.find(id, false).orElseThrow(() -> new NotFound("approval", id.value()));
    }

    /** Every approval of that kind about the subject, oldest first. */
    public List<Approval> list(String kind, String subject) {
        return store.bySubject(kind, subject);
    }

    /** Pending approvals of that kind, soonest deadline first. */
    public List<Approval> pending(String kind) {
        return store.pending(kind);
    }

    /** Called by the expiry timer, in its transaction: a still pending approval expires. */
    void expire(ApprovalId id) {
        // Locked: a step decided concurrently either committed before (and is seen) or waits for this.
        store.find(id, true).filter(a -> a.status() == ApprovalStatus.PENDING).ifPresent(a -> {
            store.update(id, a.currentStep(), ApprovalStatus.EXPIRED, clock.instant(), a.version());
            handler(a.kind()).onExpired(get(id));
        });
    }

    static TimerKey expiryKey(ApprovalId id) {
        return new TimerKey(EXPIRY_KIND, id.value(), EXPIRY_NAME);
    }

    private record Change(int step, ApprovalStatus status, ApprovalDecision decision) {}

    private Approval change(ApprovalId id, int expectedVersion, Function<Approval, Change> decision) {
        return transaction.execute(status -> {
            Approval current = get(id);
            if (current.status().isFinal()) {
                throw new ApprovalClosed(id, current.status());
            }
            if (current.version() != expectedVersion) {
                throw new ConcurrentChange("approval", id.value());
            }
            Change change = decision.apply(current);
            if (change.status().isFinal()) {
                // The timer row first, as the expiry does: the same lock order on both paths cannot deadlock.
                timers.cancel(expiryKey(id));
            }
            if (!store.update(
                    id, change.step(), change.status(), change.decision().at(), expectedVersion)) {
                throw new ConcurrentChange("approval", id.value());
            }
            store.insertDecision(id, change.decision());
            Approval changed = get(id);
            ApprovalHandler handler = handler(changed.kind());
            switch (changed.status()) {
                case PENDING -> handler.onAdvanced(changed);
                case WITHDRAWN -> handler.onWithdrawn(changed);
                default -> handler.onDecided(changed);
            }
            return changed;
        });
    }

    private ApprovalHandler handler(String kind) {
        ApprovalHandler handler = handlers.get().get(kind);
        if (handler == null) {
            throw new IllegalStateException("no ApprovalHandler bean for approval kind '" + kind + "'");
        }
        return handler;
    }

    private static void requireText(List<FieldIssue> issues, String field, String value) {
        if (value == null || value.isBlank()) {
            issues.add(new FieldIssue(field, "validation.NotBlank"));
        }
    }
}
