package org.cityos.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.ShareProblems.ResourceNotShareable;
import org.cityos.catalog.ShareProblems.ShareAlreadyDecided;
import org.cityos.catalog.ShareProblems.UnknownShareRequest;
import org.cityos.catalog.internal.LedgerEncoding;
import org.cityos.catalog.persistence.GrantStore;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.catalog.persistence.ShareStore;
import org.cityos.catalog.persistence.StoredShare;
import org.cityos.catalog.persistence.StoredVersion;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.workflow.Approval;
import org.cityos.workflow.ApprovalId;
import org.cityos.workflow.Approvals;
import org.cityos.workflow.DecisionOutcome;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sharing on request (first slice of issue 10 part 5): a department asks for fields of a catalogued resource for
 * a purpose and period; the provider department approves, narrows (fewer fields, shorter period) or refuses, with
 * a reason, by a due date (each request is an approval of kind {@value #KIND} on the workflow engine, whose
 * deadline timer expires it undecided). Every request and decision is audited and published; every decision goes on the
 * catalogue ledger, so it can be verified like an entry version. A decision that grants writes the grant the
 * data API serves ({@link Grants}, {@link SharedData}) in the same transaction.
 */
public class Sharing {
    static final String TARGET = "catalog.share";
    /** The kind of the requests' approvals on the workflow engine. */
    public static final String KIND = "catalog.share";

    private final Catalog catalog;
    private final ShareStore shares;
    private final GrantStore grants;
    private final Approvals approvals;
    private final LedgerStore ledger;
    private final AuditTrail audit;
    private final EventBus events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration decisionTime;
    private final JsonMapper json = JsonMapper.builder().build();

    Sharing(
            Catalog catalog,
            ShareStore shares,
            GrantStore grants,
            Approvals approvals,
            LedgerStore ledger,
            AuditTrail audit,
            EventBus events,
            TransactionTemplate transactions,
            Clock clock,
            Duration decisionTime) {
        this.catalog = catalog;
        this.shares = shares;
        this.grants = grants;
        this.approvals = approvals;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.decisionTime = decisionTime;
    }

    /** What a decision's ledger digest covers (with who, when and why). */
    record DecisionContent(
            String request,
            String resourceCode,
            String requestingDepartment,
            ShareStatus outcome,
            List<String> fields,
            LocalDate periodFrom,
            LocalDate periodTo) {}

    public ShareRequest request(Actor actor, ShareDraft draft) {
        actor.require(Permission.DATA_SHARE_REQUEST);
        List<FieldIssue> issues = new ArrayList<>();
        if (EntryRules.blank(draft.requestingDepartment())) {
            issues.add(new FieldIssue("requestingDepartment", "catalog.validation.required"));
        }
        if (EntryRules.blank(draft.purpose())) {
            issues.add(new FieldIssue("purpose", "catalog.validation.required"));
        }
        LocalDate from = ShareRules.date(draft.periodFrom(), "periodFrom", issues);
        LocalDate to = ShareRules.date(draft.periodTo(), "periodTo", issues);
        if (from != null && from.isBefore(LocalDate.ofInstant(clock.instant(), Grants.CITY_ZONE))) {
            issues.add(new FieldIssue("periodFrom", "catalog.validation.period-past"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            issues.add(new FieldIssue("periodTo", "catalog.validation.period"));
        }
        if (EntryRules.blank(draft.resourceCode())) {
            issues.add(new FieldIssue("resourceCode", "catalog.validation.required"));
            throw new InvalidInput(issues);
        }
        EntryContent resource = catalog.currentContent(draft.resourceCode().strip());
        List<String> fields = ShareRules.fields(draft.fields(), resource, issues);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        String requesting = draft.requestingDepartment().strip();
        actor.requireDepartment(DepartmentCode.of(requesting));
        if (resource.status() == EntryStatus.RETIRED || resource.sharingType() == SharingType.NOT_SHARED) {
            throw new ResourceNotShareable(resource.code().value());
        }
        if (requesting.equals(resource.providerDepartment())) {
            throw InvalidInput.of("requestingDepartment", "catalog.validation.own-resource");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        StoredShare share = new StoredShare(
                "shr_" + UUID.randomUUID().toString().replace("-", ""),
                resource.code().value(),
                requesting,
                resource.providerDepartment(),
                draft.purpose().strip(),
                String.join(",", fields),
                from,
                to,
                actor.id(),
                now,
                now.plus(decisionTime),
                ShareStatus.REQUESTED.name(),
                1,
                null,
                null,
                null,
                null);
        return transactions.execute(status -> {
            shares.insert(share);
            Approval approval = approvals.open(
                    KIND,
                    share.id(),
                    actor.id(),
                    actor.name(),
                    share.purpose(),
                    payload(new DecisionContent(
                            share.id(), share.resourceCode(), requesting, ShareStatus.REQUESTED, fields, from, to)),
                    List.of("department:" + share.providerDepartment()),
                    share.decisionDue());
            shares.linkApproval(share.id(), approval.id().value());
            audit.record(actor, "catalog.share.request", TARGET, share.id(), Map.of("resource", share.resourceCode()));
            events.publish(new ShareRequested(
                    share.id(), share.resourceCode(), requesting, share.providerDepartment(), share.decisionDue()));
            return view(share);
        });
    }

    public ShareRequest decide(Actor actor, String id, ShareDecision decision) {
        actor.require(Permission.DATA_SHARE_DECIDE);
        StoredShare share = shares.find(id).orElseThrow(() -> new UnknownShareRequest(id));
        actor.requireDepartment(DepartmentCode.of(share.providerDepartment()));
        if (!ShareStatus.REQUESTED.name().equals(share.status())) {
            throw new ShareAlreadyDecided(id);
        }
        DecisionContent content = ShareRules.decision(share, decision);
        ShareTerms terms = content.outcome() == ShareStatus.REFUSED ? null : ShareTerms.of(decision, content.fields());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String reason =
                EntryRules.blank(decision.reason()) ? null : decision.reason().strip();
        return transactions.execute(status -> {
            ShareRequest decided = record(actor, actor.id(), share, content, terms, reason, now);
            String approval = shares.approvalOf(id);
            if (approval != null) {
                ApprovalId approvalId = new ApprovalId(approval);
                approvals.decide(
                        approvalId,
                        actor.id(),
                        actor.name(),
                        DecisionOutcome.valueOf(content.outcome().name()),
                        reason,
                        content.outcome() == ShareStatus.NARROWED ? payload(content) : null,
                        approvals.get(approvalId).version());
            }
            return decided;
        });
    }

    /** Writes a decision: the request, the ledger row, the grant when it grants, the audit record and the event. */
    ShareRequest record(
            Actor actor,
            String decidedBy,
            StoredShare share,
            DecisionContent content,
            ShareTerms terms,
            String reason,
            Instant now) {
        String id = share.id();
        String text = json.writeValueAsString(content);
        if (!shares.decide(id, content.outcome().name(), text, decidedBy, now, reason)) {
            throw new ShareAlreadyDecided(id);
        }
        byte[] digest = LedgerEncoding.digest(new StoredVersion(id, 1, text, decidedBy, now, reason));
        ledger.append(LedgerEncoding.SHARE_DECISION, id, 1, digest, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", content.outcome().name());
        details.put("fields", content.fields());
        details.put("reason", reason);
        if (content.outcome() != ShareStatus.REFUSED) {
            ShareGrant grant = Grants.grant(this.grants, share, content, terms, now);
            details.put("grant", grant.id());
            details.put("rowColumn", grant.rowColumn());
            details.put("callsPerDay", grant.callsPerDay());
            details.put("callsPerSecond", grant.callsPerSecond());
        }
        audit.record(actor, "catalog.share.decide", TARGET, id, details);
        events.publish(new ShareDecided(
                id,
                share.resourceCode(),
                share.requestingDepartment(),
                content.outcome(),
                content.fields(),
                content.periodFrom(),
                content.periodTo()));
        return view(shares.find(id).orElseThrow());
    }

    static Map<String, String> payload(DecisionContent c) {
        return Map.of(
                "fields",
                String.join(",", c.fields()),
                "periodFrom",
                String.valueOf(c.periodFrom()),
                "periodTo",
                String.valueOf(c.periodTo()));
    }

    /** One request, for the requesting or the providing department (or anyone covering all departments). */
    public ShareRequest get(Actor actor, String id) {
        actor.require(Permission.CATALOG_READ);
        StoredShare share = shares.find(id).orElseThrow(() -> new UnknownShareRequest(id));
        if (!actor.coversDepartment(DepartmentCode.of(share.providerDepartment()))
                && !actor.coversDepartment(DepartmentCode.of(share.requestingDepartment()))) {
            throw new AccessDenied("problem.department-out-of-scope", share.providerDepartment());
        }
        return view(share);
    }

    /** Requests to or from the actor's departments, newest first. */
    public List<ShareRequest> list(Actor actor, PageRequest page) {
        actor.require(Permission.CATALOG_READ);
        List<String> departments = actor.isSystem() || actor.allDepartments()
                ? null
                : actor.departments().stream().map(DepartmentCode::value).toList();
        return shares.involving(departments, page.offset(), page.limit()).stream()
                .map(this::view)
                .toList();
    }

    private ShareRequest view(StoredShare s) {
        DecisionContent decided =
                s.decisionContent() == null ? null : json.readValue(s.decisionContent(), DecisionContent.class);
        boolean overdue = decided == null && clock.instant().isAfter(s.decisionDue());
        return new ShareRequest(
                s.id(),
                s.resourceCode(),
                s.requestingDepartment(),
                s.providerDepartment(),
                s.purpose(),
                List.of(s.fields().split(",")),
                s.periodFrom(),
                s.periodTo(),
                s.requestedBy(),
                s.requestedAt(),
                s.decisionDue(),
                overdue,
                ShareStatus.valueOf(s.status()),
                s.version(),
                decided == null ? List.of() : decided.fields(),
                decided == null ? null : decided.periodFrom(),
                decided == null ? null : decided.periodTo(),
                s.decidedBy(),
                s.decidedAt(),
                s.decisionReason());
    }
}
