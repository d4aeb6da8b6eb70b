package org.cityos.casework;

import static org.cityos.casework.CaseDispatch.requireText;

import org.cityos.casework.CaseCommands.ReplyToCase;
import org.cityos.casework.CaseCommands.StartHandling;
import org.cityos.casework.internal.CaseFile;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.internal.Notices;
import org.cityos.casework.internal.TextRules;
import org.cityos.casework.persistence.AssignmentRow;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;

/**
 * The holding unit works the case: starts handling, and replies (办理反馈) — the main unit for the case, a co-handler
 * for its part. The reply goes to verification.
 */
public class CaseHandling {
    private final CaseWork work;
    private final Notices notices;

    public CaseHandling(CaseWork work, Notices notices) {
        this.work = work;
        this.notices = notices;
    }

    public CaseId start(Actor actor, CaseId id, Integer version, StartHandling command) {
        requireText("note", command.note(), false);
        return work.run(actor, Permission.CASE_HANDLE, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            file.require(CaseAction.STARTED, CaseStatus.SIGNED);
            AssignmentRow held = signedMain(file, turn, CaseAction.STARTED);
            file.move(
                    CaseAction.STARTED, CaseStatus.IN_PROGRESS, held.unit, null, TextRules.clean(command.note()), null);
        });
    }

    public CaseId reply(Actor actor, CaseId id, Integer version, ReplyToCase command) {
        requireText("reply", command.reply(), true);
        return work.run(actor, Permission.CASE_HANDLE, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            file.require(CaseAction.REPLIED, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS);
            String text = TextRules.clean(command.reply());
            var co = file.assignments().stream()
                    .filter(x -> x.role.equals(AssignmentRole.CO.name()))
                    .filter(x -> CaseFile.status(x) == AssignmentStatus.SIGNED)
                    .filter(x ->
                            turn.units().stream().anyMatch(u -> u.toString().equals(x.unit)))
                    .findFirst();
            boolean holdsMain = file.activeMain()
                    .filter(m ->
                            turn.units().stream().anyMatch(u -> u.toString().equals(m.unit)))
                    .isPresent();
            if (co.isPresent() && !holdsMain) {
                file.finish(co.get(), AssignmentStatus.REPLIED, turn.now(), text);
                file.stay(CaseAction.CO_REPLIED, co.get().unit, row.mainUnit, text, null);
                return;
            }
            AssignmentRow held = signedMain(file, turn, CaseAction.REPLIED);
            file.finish(held, AssignmentStatus.REPLIED, turn.now(), null);
            row.reply = text;
            row.repliedAt = turn.now();
            file.move(CaseAction.REPLIED, CaseStatus.REPLIED, held.unit, null, text, null);
        });
    }

    static AssignmentRow signedMain(CaseFile file, CaseWork.Turn turn, CaseAction action) {
        AssignmentRow held = file.heldBy(turn.units(), AssignmentRole.MAIN, action);
        if (CaseFile.status(held) != AssignmentStatus.SIGNED) {
            throw new CaseNotHeld(action);
        }
        return held;
    }
}
