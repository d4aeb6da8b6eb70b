package org.cityos.casework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.calendar.PolicyChecks;
import org.cityos.casework.persistence.DeadlinePolicyRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deadlines of a case from its category and urgency: the policy with the longest category prefix that covers the
 * category wins, then the default ({@code ""}). Limits in working units are counted by the {@link WorkingCalendar}.
 *
 * <p>A warning given as a fraction {@code f} comes when {@code 1 - f} of the span is used, the span measured in
 * the limit's own kind of time: for {@code 15wd} and 0.2 that is after 80 % of the office hours up to the due time,
 * not 80 % of the nights and weekends in between. A warning given as a limit comes that long before the due time.
 * A warning never comes before the start.
 *
 * <p>Policies are held in memory like the calendar (reloaded after local changes, checked for other nodes' changes).
 */
@Service
public class DeadlinePolicies {
    /** Used only if an urgency's default row were missing, so a case never goes without deadlines. */
    private static final Map<Urgency, DeadlinePolicy> BUILT_IN = Map.of(
            Urgency.EMERGENCY,
                    builtIn(Urgency.EMERGENCY, TimeLimit.of(30, LimitUnit.MINUTES), TimeLimit.of(24, LimitUnit.HOURS)),
            Urgency.URGENT,
                    builtIn(Urgency.URGENT, TimeLimit.of(2, LimitUnit.HOURS), TimeLimit.of(7, LimitUnit.WORKING_DAYS)),
            Urgency.ROUTINE,
                    builtIn(
                            Urgency.ROUTINE,
                            TimeLimit.of(2, LimitUnit.HOURS),
                            TimeLimit.of(15, LimitUnit.WORKING_DAYS)));

    private record Held(List<DeadlinePolicy> policies, String fingerprint) {}

    private final DeadlinePolicyRepository repository;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile Held held;

    public DeadlinePolicies(
            DeadlinePolicyRepository repository, WorkingCalendar calendar, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** The deadlines of a case of {@code categoryCode} (null: not yet classified) starting at {@code start}. */
    public CaseDeadlines deadlines(String categoryCode, Urgency urgency, Instant start) {
        DeadlinePolicy p = policyFor(categoryCode, urgency);
        Instant responseDue = calendar.plus(start, p.response());
        Instant resolutionDue = calendar.plus(start, p.resolution());
        return new CaseDeadlines(
                responseDue,
                warnAt(start, responseDue, p.response(), p.warnBefore()),
                resolutionDue,
                warnAt(start, resolutionDue, p.resolution(), p.warnBefore()));
    }

    /** The policy that applies: the longest covering prefix for the urgency, else the urgency's default. */
    public DeadlinePolicy policyFor(String categoryCode, Urgency urgency) {
        return held().policies().stream()
                .filter(p -> p.urgency() == urgency && p.covers(categoryCode))
                .max(Comparator.comparingInt(p -> p.categoryPrefix().length()))
                .orElse(BUILT_IN.get(urgency));
    }

    /** A due time moved on by an extension (延期) granted in any unit, counted from the old due time. */
    public Instant extend(Instant due, TimeLimit extra) {
        return calendar.plus(due, extra);
    }

    /**
     * A due time moved on by the wall-clock time a case spent suspended (挂起): the handler could not act during
     * the pause, whatever hours it covered, so all of it is given back.
     */
    public Instant shift(Instant due, Duration paused) {
        if (paused.isNegative()) {
            throw new IllegalArgumentException("a pause is not negative: " + paused);
        }
        return due.plus(paused);
    }

    /** What the deadlines of such a case would be, for administrators checking a policy. */
    public CaseDeadlines preview(Actor actor, String categoryCode, Urgency urgency, Instant start) {
        requireRead(actor);
        return deadlines(categoryCode, urgency, start == null ? clock.instant() : start);
    }

    public List<DeadlinePolicy> list(Actor actor) {
        requireRead(actor);
        return repository.all();
    }

    public DeadlinePolicy get(Actor actor, String categoryPrefix, Urgency urgency) {
        requireRead(actor);
        requirePrefix(categoryPrefix);
        return repository.find(categoryPrefix, urgency).orElseThrow(() -> notFound(categoryPrefix, urgency));
    }

    /**
     * Creates the policy, or changes it when it exists; changing needs the version read ({@code expectedVersion}),
     * and a stale version is a concurrent change, as is a version given for a policy someone else deleted.
     */
    @Transactional
    public DeadlinePolicy put(
            Actor actor, String categoryPrefix, Urgency urgency, DeadlinePolicyDraft draft, Integer expectedVersion) {
        actor.require(Permission.CASE_CONFIGURE);
        DeadlinePolicy policy = PolicyChecks.policy(categoryPrefix, urgency, draft, 0);
        var before = repository.find(categoryPrefix, urgency);
        if (before.isPresent()) {
            if (expectedVersion == null) {
                throw InvalidInput.of("version", "casework.policy.version-required");
            }
            if (!repository.update(policy, expectedVersion, actor.id(), clock.instant())) {
                throw new ConcurrentChange("deadline policy", key(categoryPrefix, urgency));
            }
        } else {
            if (expectedVersion != null) {
                throw new ConcurrentChange("deadline policy", key(categoryPrefix, urgency));
            }
            repository.insert(policy, actor.id(), clock.instant());
        }
        Map<String, Object> details = new HashMap<>();
        details.put("response", policy.response().toString());
        details.put("resolution", policy.resolution().toString());
        details.put("warnBefore", policy.warnBefore().toString());
        before.ifPresent(b -> details.put("before", b.response() + " / " + b.resolution() + " / " + b.warnBefore()));
        audit.record(actor, "casework.deadline-policy.set", "deadline-policy", key(categoryPrefix, urgency), details);
        reloadAfterCommit();
        return repository.find(categoryPrefix, urgency).orElseThrow();
    }

    @Transactional
    public void delete(Actor actor, String categoryPrefix, Urgency urgency, Integer expectedVersion) {
        actor.require(Permission.CASE_CONFIGURE);
        requirePrefix(categoryPrefix);
        if (categoryPrefix.isEmpty()) {
            throw new DefaultPolicyRequired(urgency);
        }
        if (expectedVersion == null) {
            throw InvalidInput.of("version", "casework.policy.version-required");
        }
        DeadlinePolicy before =
                repository.find(categoryPrefix, urgency).orElseThrow(() -> notFound(categoryPrefix, urgency));
        if (!repository.delete(categoryPrefix, urgency, expectedVersion)) {
            throw new ConcurrentChange("deadline policy", key(categoryPrefix, urgency));
        }
        audit.record(
                actor,
                "casework.deadline-policy.deleted",
                "deadline-policy",
                key(categoryPrefix, urgency),
                Map.of("before", before.response() + " / " + before.resolution() + " / " + before.warnBefore()));
        reloadAfterCommit();
    }

    /** Reads the policies again. */
    public synchronized void reload() {
        String fingerprint = repository.fingerprint();
        held = new Held(repository.all(), fingerprint);
    }

    /** Reloads when the stored policies differ from those held (another node changed them); true if they did. */
    public boolean refreshIfChanged() {
        Held h = held;
        if (h != null && h.fingerprint().equals(repository.fingerprint())) {
            return false;
        }
        reload();
        return true;
    }

    private Instant warnAt(Instant start, Instant due, TimeLimit limit, WarnBefore warn) {
        Instant at;
        if (warn.limit() != null) {
            at = calendar.minus(due, warn.limit());
        } else if (limit.unit().working()) {
            Duration span = calendar.workingTimeBetween(start, due);
            at = calendar.addWorkingHours(start, used(span, warn.fraction()));
        } else {
            at = start.plus(used(Duration.between(start, due), warn.fraction()));
        }
        return at.isBefore(start) ? start : at.isAfter(due) ? due : at;
    }

    /** The part of {@code span} used when the warning comes, to the second. */
    private static Duration used(Duration span, BigDecimal warnFraction) {
        BigDecimal seconds = BigDecimal.valueOf(span.toSeconds()).multiply(BigDecimal.ONE.subtract(warnFraction));
        return Duration.ofSeconds(seconds.longValue());
    }

    private Held held() {
        Held h = held;
        if (h == null) {
            reload();
            h = held;
        }
        return h;
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    private static void requireRead(Actor actor) {
        if (!actor.has(Permission.CASE_READ) && !actor.has(Permission.CASE_CONFIGURE)) {
            throw new AccessDenied("problem.missing-permission", Permission.CASE_READ.name());
        }
    }

    private static void requirePrefix(String prefix) {
        if (!PolicyChecks.validPrefix(prefix)) {
            throw InvalidInput.of("categoryPrefix", "casework.policy.category-prefix", String.valueOf(prefix));
        }
    }

    private static NotFound notFound(String prefix, Urgency urgency) {
        return new NotFound("deadline policy", key(prefix, urgency));
    }

    private static String key(String prefix, Urgency urgency) {
        return (prefix.isEmpty() ? "*" : prefix) + "/" + urgency.name();
    }

    private static DeadlinePolicy builtIn(Urgency urgency, TimeLimit response, TimeLimit resolution) {
        return new DeadlinePolicy("", urgency, response, resolution, WarnBefore.DEFAULT, -1);
    }
}
