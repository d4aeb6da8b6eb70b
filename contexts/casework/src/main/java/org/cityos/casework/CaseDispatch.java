package org.cityos.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.cityos.casework.CaseCommands.AddCoHandlers;
import org.cityos.casework.CaseCommands.DispatchCase;
import org.cityos.casework.CaseCommands.PassCaseDown;
import org.cityos.casework.CaseCommands.ReturnCase;
import org.cityos.casework.CaseCommands.SignCase;
import org.cityos.casework.internal.CaseFile;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.internal.Notices;
import org.cityos.casework.internal.TextRules;
import org.cityos.casework.internal.UnitDirectory;
import org.cityos.casework.persistence.AssignmentRow;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * 协调分转: the centre dispatches a case to a responsible unit (主办) and co-handlers (协办); each level signs for it,
 * returns it with a reason (退单) — to the level above, or to the centre for re-dispatch — or passes it down a level.
 * Every transfer is a step on the timeline and a notice to the unit that receives it.
 */
public class CaseDispatch {
    private final CaseWork work;
    private final UnitDirectory directory;
    private final DeadlinePolicies policies;
    private final Notices notices;

    public CaseDispatch(CaseWork work, UnitDirectory directory, DeadlinePolicies policies, Notices notices) {
        this.work = work;
        this.directory = directory;
        this.policies = policies;
        this.notices = notices;
    }

    public CaseId dispatch(Actor actor, CaseId id, Integer version, DispatchCase command) {
        checkUnits(command.unit(), command.coUnits(), command.note());
        return work.run(actor, Permission.CASE_DISPATCH, id, version, (a, turn) -> dispatch(turn, command));
    }

    /** Dispatches inside the caller's transaction (intake's automatic dispatch and re-dispatch use it). */
    public void dispatch(CaseWork.Turn turn, DispatchCase command) {
        CaseFile file = turn.file();
        CaseRow row = file.row();
        file.require(CaseAction.DISPATCHED, CaseStatus.RECEIVED, CaseStatus.DISPATCHED);
        if (row.categoryCode == null) {
            throw new CaseProblems.CategoryRequired();
        }
        Instant now = turn.now();
        file.activeMain().ifPresent(a -> {
            if (CaseFile.status(a) != AssignmentStatus.AWAITING_SIGN) {
                throw new CaseNotInState(CaseAction.DISPATCHED, file.status());
            }
            file.finish(a, AssignmentStatus.WITHDRAWN, now, command.note());
            file.stay(CaseAction.WITHDRAWN, a.unit, null, command.note(), null);
        });
        CaseDeadlines deadlines = policies.deadlines(row.categoryCode, Urgency.valueOf(row.urgency), now);
        if (row.dispatchedAt == null) {
            row.dispatchedAt = now;
            row.resolutionDue = deadlines.resolutionDue();
            row.resolutionWarnAt = deadlines.resolutionWarnAt();
        }
        if (row.signedAt == null) {
            row.responseDue = deadlines.responseDue();
            row.responseWarnAt = deadlines.responseWarnAt();
        }
        String centre = UnitRef.centre(work.district()).toString();
        file.assign(command.unit(), AssignmentRole.MAIN, null, centre, now, deadlines.responseDue());
        row.mainUnit = command.unit().toString();
        file.move(CaseAction.DISPATCHED, CaseStatus.DISPATCHED, centre, row.mainUnit, command.note(), null);
        notices.tell(row.mainUnit, row, NoticeKind.DISPATCHED, command.note(), now);
        addCo(file, command.coUnits(), centre, now, command.note());
    }

    public CaseId sign(Actor actor, CaseId id, Integer version, SignCase command) {
        return work.run(actor, Permission.CASE_HANDLE, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            file.require(CaseAction.SIGNED, CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS);
            AssignmentRow held = awaitingSign(file, turn.units());
            held.status = AssignmentStatus.SIGNED.name();
            held.signedAt = turn.now();
            held.dirty = true;
            boolean main = held.role.equals(AssignmentRole.MAIN.name());
            if (main && file.status() == CaseStatus.DISPATCHED) {
                if (file.row().signedAt == null) {
                    file.row().signedAt = turn.now();
                }
                file.move(CaseAction.SIGNED, CaseStatus.SIGNED, held.unit, null, command.note(), null);
            } else {
                file.stay(CaseAction.SIGNED, held.unit, null, command.note(), main ? null : "co");
            }
        });
    }

    public CaseId returnCase(Actor actor, CaseId id, Integer version, ReturnCase command) {
        requireText("reason", command.reason(), true);
        return work.run(actor, Permission.CASE_HANDLE, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            file.require(CaseAction.RETURNED, CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS);
            AssignmentRow held = heldActive(file, turn.units(), CaseAction.RETURNED);
            file.finish(held, AssignmentStatus.RETURNED, turn.now(), command.reason());
            if (held.role.equals(AssignmentRole.CO.name())) {
                file.stay(CaseAction.RETURNED, held.unit, row.mainUnit, command.reason(), "co");
                notices.tell(row.mainUnit, row, NoticeKind.RETURNED, command.reason(), turn.now());
                return;
            }
            var parent = file.parentOf(held);
            if (parent.isPresent()) {
                AssignmentRow up = parent.get();
                up.status = AssignmentStatus.SIGNED.name();
                up.finishedAt = null;
                up.dirty = true;
                row.mainUnit = up.unit;
                file.stay(CaseAction.RETURNED, held.unit, up.unit, command.reason(), null);
            } else {
                row.mainUnit = null;
                file.move(
                        CaseAction.RETURNED,
                        CaseStatus.RECEIVED,
                        held.unit,
                        UnitRef.centre(work.district()).toString(),
                        command.reason(),
                        null);
            }
            notices.tell(
                    parent.map(p -> p.unit)
                            .orElse(UnitRef.centre(work.district()).toString()),
                    row,
                    NoticeKind.RETURNED,
                    command.reason(),
                    turn.now());
        });
    }

    public CaseId passDown(Actor actor, CaseId id, Integer version, PassCaseDown command) {
        checkUnits(command.unit(), List.of(), command.note());
        return work.run(actor, Permission.CASE_HANDLE, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            file.require(CaseAction.PASSED_DOWN, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS);
            AssignmentRow held = file.heldBy(turn.units(), AssignmentRole.MAIN, CaseAction.PASSED_DOWN);
            if (CaseFile.status(held) != AssignmentStatus.SIGNED) {
                throw new CaseNotHeld(CaseAction.PASSED_DOWN);
            }
            UnitRef from = UnitRef.parse(held.unit).orElseThrow();
            if (!UnitDirectory.below(from, command.unit())) {
                throw InvalidInput.of(
                        "unit", "problem.case-unit-not-below", command.unit().toString(), held.unit);
            }
            CaseDeadlines deadlines = policies.deadlines(row.categoryCode, Urgency.valueOf(row.urgency), turn.now());
            file.finish(held, AssignmentStatus.PASSED_DOWN, turn.now(), command.note());
            file.assign(command.unit(), AssignmentRole.MAIN, held.id, held.unit, turn.now(), deadlines.responseDue());
            row.mainUnit = command.unit().toString();
            file.stay(CaseAction.PASSED_DOWN, held.unit, row.mainUnit, command.note(), null);
            notices.tell(row.mainUnit, row, NoticeKind.PASSED_DOWN, command.note(), turn.now());
        });
    }

    public CaseId addCoHandlers(Actor actor, CaseId id, Integer version, AddCoHandlers command) {
        if (command.units() == null || command.units().isEmpty()) {
            throw InvalidInput.of("units", "validation.required");
        }
        checkUnits(null, command.units(), command.note());
        return work.run(actor, Permission.CASE_HANDLE, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            file.require(
                    CaseAction.CO_HANDLERS_ADDED, CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS);
            AssignmentRow held = file.heldBy(turn.units(), AssignmentRole.MAIN, CaseAction.CO_HANDLERS_ADDED);
            addCo(file, command.units(), held.unit, turn.now(), command.note());
        });
    }

    private void addCo(CaseFile file, List<UnitRef> units, String by, Instant now, String note) {
        if (units == null || units.isEmpty()) {
            return;
        }
        CaseRow row = file.row();
        List<String> added = new ArrayList<>();
        for (UnitRef unit : units) {
            boolean active = file.assignments().stream()
                    .anyMatch(x ->
                            x.unit.equals(unit.toString()) && CaseFile.status(x).active());
            if (!active && !unit.toString().equals(row.mainUnit)) {
                file.assign(unit, AssignmentRole.CO, null, by, now, row.responseDue);
                added.add(unit.toString());
                notices.tell(unit.toString(), row, NoticeKind.CO_HANDLING, note, now);
            }
        }
        if (!added.isEmpty()) {
            file.stay(CaseAction.CO_HANDLERS_ADDED, by, String.join(",", added), note, null);
        }
    }

    private static AssignmentRow awaitingSign(CaseFile file, Set<UnitRef> units) {
        return file.assignments().stream()
                .filter(x -> CaseFile.status(x) == AssignmentStatus.AWAITING_SIGN)
                .filter(x -> units.stream().anyMatch(u -> u.toString().equals(x.unit)))
                .max(Comparator.comparing((AssignmentRow x) -> x.role))
                .orElseThrow(() -> new CaseNotHeld(CaseAction.SIGNED));
    }

    private static AssignmentRow heldActive(CaseFile file, Set<UnitRef> units, CaseAction action) {
        return file.assignments().stream()
                .filter(x -> CaseFile.status(x).active())
                .filter(x -> units.stream().anyMatch(u -> u.toString().equals(x.unit)))
                .max(Comparator.comparing((AssignmentRow x) -> x.role))
                .orElseThrow(() -> new CaseNotHeld(action));
    }

    private void checkUnits(UnitRef main, List<UnitRef> co, String note) {
        List<FieldIssue> issues = new ArrayList<>();
        if (main != null && !directory.exists(main)) {
            issues.add(new FieldIssue("unit", "problem.case-unknown-unit", main.toString()));
        }
        for (int i = 0; co != null && i < co.size(); i++) {
            if (!directory.exists(co.get(i))) {
                issues.add(new FieldIssue(
                        "coUnits[" + i + "]",
                        "problem.case-unknown-unit",
                        co.get(i).toString()));
            }
        }
        TextRules.check(issues, "note", note, false, 2000);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    static void requireText(String field, String text, boolean required) {
        List<FieldIssue> issues = new ArrayList<>();
        TextRules.check(issues, field, text, required, 2000);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }
}
