package org.cityos.casework;

import static org.cityos.casework.CaseDispatch.requireText;

import java.time.Duration;
import java.time.Instant;
import org.cityos.casework.CaseCommands.MergeCase;
import org.cityos.casework.CaseCommands.ResumeCase;
import org.cityos.casework.CaseCommands.SuperviseCase;
import org.cityos.casework.CaseCommands.SuspendCase;
import org.cityos.casework.internal.CaseFile;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.internal.Notices;
import org.cityos.casework.internal.TextRules;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;

/**
 * The centre's hand on running cases: supervision (督办) of a unit's case, suspension (deadlines paused, then shifted
 * by the pause) and merging a repeated request into the case that already answers it.
 */
public class CaseSupervision {
    private final CaseWork work;
    private final Notices notices;
    private final DeadlinePolicies policies;

    public CaseSupervision(CaseWork work, Notices notices, DeadlinePolicies policies) {
        this.work = work;
        this.notices = notices;
        this.policies = policies;
    }

    public CaseId supervise(Actor actor, CaseId id, Integer version, SuperviseCase command) {
        requireText("note", command.note(), true);
        return work.run(actor, Permission.CASE_SUPERVISE, id, version, (a, turn) -> supervise(turn, command.note()));
    }

    /** Supervises inside the caller's transaction (overdue escalation supervises by itself). */
    public void supervise(CaseWork.Turn turn, String note) {
        CaseFile file = turn.file();
        CaseRow row = file.row();
        file.require(
                CaseAction.SUPERVISED,
                CaseStatus.RECEIVED,
                CaseStatus.DISPATCHED,
                CaseStatus.SIGNED,
                CaseStatus.IN_PROGRESS,
                CaseStatus.REPLIED);
        row.supervisions++;
        file.stay(CaseAction.SUPERVISED, null, row.mainUnit, TextRules.clean(note), null);
        notices.tell(row.mainUnit, row, NoticeKind.SUPERVISED, TextRules.clean(note), turn.now());
    }

    public CaseId suspend(Actor actor, CaseId id, Integer version, SuspendCase command) {
        requireText("reason", command.reason(), true);
        return work.run(actor, Permission.CASE_DISPATCH, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            file.require(
                    CaseAction.SUSPENDED,
                    CaseStatus.RECEIVED,
                    CaseStatus.DISPATCHED,
                    CaseStatus.SIGNED,
                    CaseStatus.IN_PROGRESS);
            row.statusBefore = row.status;
            row.suspendedAt = turn.now();
            file.move(CaseAction.SUSPENDED, CaseStatus.SUSPENDED, null, null, TextRules.clean(command.reason()), null);
        });
    }

    public CaseId resume(Actor actor, CaseId id, Integer version, ResumeCase command) {
        requireText("note", command.note(), false);
        return work.run(actor, Permission.CASE_DISPATCH, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            file.require(CaseAction.RESUMED, CaseStatus.SUSPENDED);
            Duration paused = Duration.between(row.suspendedAt, turn.now());
            row.responseDue = shift(row.responseDue, paused);
            row.responseWarnAt = shift(row.responseWarnAt, paused);
            row.resolutionDue = shift(row.resolutionDue, paused);
            row.resolutionWarnAt = shift(row.resolutionWarnAt, paused);
            row.suspendedAt = null;
            CaseStatus before = CaseStatus.valueOf(row.statusBefore);
            row.statusBefore = null;
            file.move(
                    CaseAction.RESUMED,
                    before,
                    null,
                    null,
                    TextRules.clean(command.note()),
                    "paused=" + paused.toSeconds() + "s");
        });
    }

    /** Merges this case into another open case: this one ends as MERGED, the other notes what it absorbed. */
    public CaseId merge(Actor actor, CaseId id, Integer version, MergeCase command) {
        requireText("note", command.note(), false);
        if (command.into() == null || command.into().equals(id)) {
            throw new CaseProblems.MergeRefused("self");
        }
        return work.run(actor, Permission.CASE_DISPATCH, id, version, (a, turn) -> {
            CaseFile source = turn.file();
            source.require(
                    CaseAction.MERGED,
                    CaseStatus.RECEIVED,
                    CaseStatus.DISPATCHED,
                    CaseStatus.SIGNED,
                    CaseStatus.IN_PROGRESS,
                    CaseStatus.SUSPENDED);
            CaseFile target = work.load(a, command.into());
            if (!target.status().open() || target.row().mergedInto != null) {
                throw new CaseProblems.MergeRefused("target-closed");
            }
            String note = TextRules.clean(command.note());
            source.withdrawActive(turn.now(), note);
            source.row().mergedInto = target.row().id;
            source.move(CaseAction.MERGED, CaseStatus.MERGED, null, target.row().number, note, target.row().id);
            target.stay(CaseAction.ABSORBED, null, null, note, source.row().id);
            work.save(target, a, turn.now());
        });
    }

    private Instant shift(Instant due, Duration paused) {
        return due == null ? null : policies.shift(due, paused);
    }
}
