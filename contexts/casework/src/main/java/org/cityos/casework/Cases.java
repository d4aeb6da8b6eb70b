package org.cityos.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.ActingUnits;
import org.cityos.casework.internal.CaseFile;
import org.cityos.casework.internal.CaseStore;
import org.cityos.casework.internal.CaseViews;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.persistence.AttachmentRepository;
import org.cityos.casework.persistence.CaseQuery;
import org.cityos.casework.persistence.CaseRepository;
import org.cityos.casework.persistence.InboxRepository;
import org.cityos.casework.persistence.NoticeRepository;
import org.cityos.casework.persistence.StepRepository;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.NotFound;

/**
 * Reading cases within scope: a case with its timeline, searches, a unit's inbox and notices, and the caller's
 * number for a follow-up call (callback permission, audited).
 */
public class Cases {
    private final CaseWork work;
    private final CaseRepository cases;
    private final StepRepository steps;
    private final AttachmentRepository attachments;
    private final InboxRepository inbox;
    private final NoticeRepository notices;
    private final AuditTrail audit;

    public Cases(
            CaseWork work,
            CaseRepository cases,
            StepRepository steps,
            AttachmentRepository attachments,
            InboxRepository inbox,
            NoticeRepository notices,
            AuditTrail audit) {
        this.work = work;
        this.cases = cases;
        this.steps = steps;
        this.attachments = attachments;
        this.inbox = inbox;
        this.notices = notices;
        this.audit = audit;
    }

    /**
     * Runs a command on a case and answers the case as it then stands, in one transaction (a command's answer
     * needs no second round of reads, and never shows a later change by someone else).
     */
    public Case after(Actor actor, Supplier<CaseId> command) {
        actor.require(Permission.CASE_READ);
        NotFound[] outOfSight = new NotFound[1];
        Case answer = work.then(() -> {
            CaseId id = command.get();
            try {
                return view(work.loadForAnswer(actor, id));
            } catch (NotFound e) {
                // The command stands even if it took the case out of the actor's sight; only the answer is refused.
                outOfSight[0] = e;
                return null;
            }
        });
        if (answer == null) {
            throw outOfSight[0];
        }
        return answer;
    }

    public Case get(Actor actor, CaseId id) {
        actor.require(Permission.CASE_READ);
        CaseFile file = work.load(actor, id);
        return view(file);
    }

    public Case byNumber(Actor actor, String number) {
        actor.require(Permission.CASE_READ);
        String id = cases.findByNumber(number).orElseThrow(() -> new NotFound("case", number)).id;
        return get(actor, new CaseId(id));
    }

    /** The case a citizen follows by its token: no actor, no personal data of others. */
    public Case byToken(String token) {
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            throw new NotFound("case", "token");
        }
        String id = cases.findByToken(token).orElseThrow(() -> new NotFound("case", "token")).id;
        return get(Actor.system("open311"), new CaseId(id));
    }

    public Page<Case> search(Actor actor, CaseFilter f, PageRequest page) {
        actor.require(Permission.CASE_READ);
        CaseQuery q = scoped(work, actor, f);
        return cases.search(q, page).map(row -> CaseViews.view(row, List.of(), List.of(), List.of()));
    }

    /** A search narrowed to what the actor sees: everything, its divisions (when it sees by place), its units' cases, or its own reports. */
    static CaseQuery scoped(CaseWork work, Actor actor, CaseFilter f) {
        Set<UnitRef> units = work.units(actor);
        List<String> prefixes = new ArrayList<>();
        if (ActingUnits.seesByPlace(actor)) {
            for (DivisionCode d : actor.divisions()) {
                prefixes.add(d.prefix());
            }
        }
        return new CaseQuery(
                actor.isSystem(),
                prefixes,
                units.stream().map(UnitRef::toString).toList(),
                actor.id(),
                f.statuses() == null
                        ? List.of()
                        : f.statuses().stream().map(Enum::name).toList(),
                f.channel() == null ? null : f.channel().name(),
                f.categoryPrefix(),
                f.divisionPrefix(),
                f.mainUnit(),
                f.overdue(),
                f.text(),
                f.receivedFrom(),
                f.receivedTo());
    }

    public List<InboxItem> inbox(Actor actor, int limit) {
        actor.require(Permission.CASE_READ);
        List<String> units = work.units(actor).stream().map(UnitRef::toString).toList();
        return inbox.of(units, Math.max(1, Math.min(limit, 500))).stream()
                .map(r -> new InboxItem(
                        new CaseId(r.caseId()),
                        r.number(),
                        r.title(),
                        r.categoryCode(),
                        Urgency.valueOf(r.urgency()),
                        CaseStatus.valueOf(r.status()),
                        UnitRef.parse(r.unit()).orElseThrow(),
                        AssignmentRole.valueOf(r.role()),
                        AssignmentStatus.valueOf(r.assignment()),
                        r.assignedAt(),
                        r.responseDue(),
                        r.resolutionDue(),
                        r.overdue(),
                        r.supervisions(),
                        r.version()))
                .toList();
    }

    public List<CaseNotice> notices(Actor actor, boolean unreadOnly, int limit) {
        actor.require(Permission.CASE_READ);
        List<String> units = work.units(actor).stream().map(UnitRef::toString).toList();
        return notices.forUnits(units, unreadOnly, Math.max(1, Math.min(limit, 500))).stream()
                .map(n -> new CaseNotice(
                        n.id(), n.unit(), new CaseId(n.caseId()), null, NoticeKind.valueOf(n.kind()), n.text(), n.at()))
                .toList();
    }

    public boolean markNoticeRead(Actor actor, long id) {
        actor.require(Permission.CASE_READ);
        List<String> units = work.units(actor).stream().map(UnitRef::toString).toList();
        return notices.markRead(units, id, work.now()) == 1;
    }

    /** The caller unmasked, for the follow-up call; audited as an unmasked read. */
    public Case.Caller caller(Actor actor, CaseId id) {
        actor.require(Permission.CASE_CALLBACK);
        CaseFile file = work.load(actor, id);
        var row = file.row();
        audit.recordUnmaskedRead(
                actor,
                "casework.case",
                row.id,
                row.divisionCode == null ? null : DivisionCode.of(row.divisionCode),
                List.of("callerName", "callerPhone"));
        return new Case.Caller(row.callerName, row.callerPhone, false);
    }

    Case view(CaseFile file) {
        var row = file.row();
        return CaseViews.view(
                row,
                file.assignments(),
                steps.of(row.id).stream().map(CaseStore::step).toList(),
                attachments.of(row.id));
    }
}
