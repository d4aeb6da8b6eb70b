package org.cityos.casework.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cityos.casework.AssignmentRole;
import org.cityos.casework.AssignmentStatus;
import org.cityos.casework.CaseAction;
import org.cityos.casework.CaseNotHeld;
import org.cityos.casework.CaseNotInState;
import org.cityos.casework.CaseStatus;
import org.cityos.casework.UnitRef;
import org.cityos.casework.persistence.AssignmentRow;
import org.cityos.casework.persistence.CaseRow;

/**
 * A case with its assignments while a command works on it: each transition checks the state and who holds the
 * case, changes the row and the assignments, and notes a step. Nothing is written here; {@link CaseStore} saves the
 * file under the version it was read with.
 */
public final class CaseFile {
    /** A step noted by a transition, written with the next sequence number when the file is saved. */
    public record Step(
            CaseAction action, CaseStatus from, CaseStatus to, String unit, String toUnit, String note, String data) {}

    private final CaseRow row;
    private final List<AssignmentRow> assignments;
    private final List<Step> steps = new ArrayList<>();
    private final boolean fresh;
    private Map<String, Instant> timed;

    private CaseFile(CaseRow row, List<AssignmentRow> assignments, boolean fresh) {
        this.row = row;
        this.assignments = new ArrayList<>(assignments);
        this.fresh = fresh;
        this.timed = fresh ? Map.of() : DeadlineTimers.wanted(row);
    }

    /** The deadline timers the case wanted when last saved (or read); the next save writes only the difference. */
    Map<String, Instant> timed() {
        return timed;
    }

    void timedNow() {
        timed = DeadlineTimers.wanted(row);
    }

    public static CaseFile received(CaseRow row, String note) {
        CaseFile file = new CaseFile(row, List.of(), true);
        row.status = CaseStatus.RECEIVED.name();
        file.note(CaseAction.RECEIVED, null, CaseStatus.RECEIVED, null, null, note, null);
        return file;
    }

    public static CaseFile loaded(CaseRow row, List<AssignmentRow> assignments) {
        return new CaseFile(row, assignments, false);
    }

    public CaseRow row() {
        return row;
    }

    public List<AssignmentRow> assignments() {
        return assignments;
    }

    public List<Step> steps() {
        return steps;
    }

    public boolean fresh() {
        return fresh;
    }

    public CaseStatus status() {
        return CaseStatus.valueOf(row.status);
    }

    public void require(CaseAction action, CaseStatus... allowed) {
        for (CaseStatus s : allowed) {
            if (s == status()) {
                return;
            }
        }
        throw new CaseNotInState(action, status());
    }

    public Optional<AssignmentRow> activeMain() {
        return assignments.stream()
                .filter(a ->
                        a.role.equals(AssignmentRole.MAIN.name()) && status(a).active())
                .findFirst();
    }

    /** The active assignment of the given role one of the actor's units holds, or a 409 naming the action. */
    public AssignmentRow heldBy(Set<UnitRef> units, AssignmentRole role, CaseAction action) {
        return assignments.stream()
                .filter(a -> a.role.equals(role.name()) && status(a).active())
                .filter(a -> units.stream().anyMatch(u -> u.toString().equals(a.unit)))
                .findFirst()
                .orElseThrow(() -> new CaseNotHeld(action));
    }

    public boolean everHeldBy(Set<UnitRef> units) {
        return assignments.stream()
                .anyMatch(a -> units.stream().anyMatch(u -> u.toString().equals(a.unit)));
    }

    public static AssignmentStatus status(AssignmentRow a) {
        return AssignmentStatus.valueOf(a.status);
    }

    /** Changes the case's state and notes the step. */
    public void move(CaseAction action, CaseStatus to, String unit, String toUnit, String note, String data) {
        CaseStatus from = status();
        row.status = to.name();
        note(action, from, to, unit, toUnit, note, data);
    }

    /** Notes a step that leaves the state as it is. */
    public void stay(CaseAction action, String unit, String toUnit, String note, String data) {
        note(action, status(), status(), unit, toUnit, note, data);
    }

    public AssignmentRow assign(
            UnitRef unit, AssignmentRole role, Long parentId, String by, Instant now, Instant responseDue) {
        AssignmentRow a = new AssignmentRow();
        a.caseId = row.id;
        a.unit = unit.toString();
        a.role = role.name();
        a.status = AssignmentStatus.AWAITING_SIGN.name();
        a.parentId = parentId;
        a.assignedBy = by;
        a.assignedAt = now;
        a.responseDue = responseDue;
        a.dirty = true;
        assignments.add(a);
        return a;
    }

    public void finish(AssignmentRow a, AssignmentStatus status, Instant now, String note) {
        a.status = status.name();
        a.finishedAt = now;
        if (note != null) {
            a.note = note;
        }
        a.dirty = true;
    }

    public Optional<AssignmentRow> parentOf(AssignmentRow a) {
        return a.parentId == null
                ? Optional.empty()
                : assignments.stream().filter(p -> p.id == a.parentId).findFirst();
    }

    /** Withdraws every active assignment (re-dispatch, merge). */
    public void withdrawActive(Instant now, String note) {
        for (AssignmentRow a : assignments) {
            if (status(a).active()) {
                finish(a, AssignmentStatus.WITHDRAWN, now, note);
            }
        }
    }

    private void note(
            CaseAction action, CaseStatus from, CaseStatus to, String unit, String toUnit, String note, String data) {
        steps.add(new Step(action, from, to, unit, toUnit, note, data));
    }
}
