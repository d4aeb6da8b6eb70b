package org.cityos.casework.internal;

import org.cityos.casework.CaseAction;
import org.cityos.casework.CaseId;
import org.cityos.casework.NoticeKind;
import org.cityos.casework.UnitRef;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.workflow.FiredTimer;
import org.cityos.workflow.TimerHandler;

/**
 * What a fired deadline does: a warning tells the holding unit; a due date passed marks the case overdue, tells the
 * unit and the centre, and escalates by supervising the case (超期自动督办). Each firing runs in the timer's own
 * transaction, so the case change and the timer's end commit together — once, whichever node fires it.
 */
public final class DeadlineFiring implements TimerHandler {
    private final CaseWork work;
    private final Notices notices;

    public DeadlineFiring(CaseWork work, Notices notices) {
        this.work = work;
        this.notices = notices;
    }

    @Override
    public String kind() {
        return DeadlineTimers.KIND;
    }

    @Override
    public void fire(FiredTimer timer) {
        Actor system = Actor.system("casework-deadlines");
        String name = timer.key().name();
        work.run(system, Permission.CASE_READ, new CaseId(timer.key().subject()), null, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            if (!DeadlineTimers.RUNNING_STATES.contains(file.status())) {
                return;
            }
            String centre = UnitRef.centre(work.district()).toString();
            switch (name) {
                case "response-warn" -> {
                    if (row.signedAt == null) {
                        file.stay(CaseAction.RESPONSE_WARNED, null, row.mainUnit, null, null);
                        notices.tell(row.mainUnit, row, NoticeKind.RESPONSE_WARNING, null, turn.now());
                    }
                }
                case "response-due" -> {
                    if (row.signedAt == null && !row.responseOverdue && !row.responseDue.isAfter(turn.now())) {
                        row.responseOverdue = true;
                        overdue(file, CaseAction.RESPONSE_OVERDUE, centre, turn);
                    }
                }
                case "resolution-warn" -> {
                    file.stay(CaseAction.RESOLUTION_WARNED, null, row.mainUnit, null, null);
                    notices.tell(row.mainUnit, row, NoticeKind.RESOLUTION_WARNING, null, turn.now());
                }
                case "resolution-due" -> {
                    if (!row.resolutionOverdue && !row.resolutionDue.isAfter(turn.now())) {
                        row.resolutionOverdue = true;
                        overdue(file, CaseAction.RESOLUTION_OVERDUE, centre, turn);
                    }
                }
                default -> {}
            }
        });
    }

    private void overdue(CaseFile file, CaseAction action, String centre, CaseWork.Turn turn) {
        CaseRow row = file.row();
        file.stay(action, null, row.mainUnit, null, null);
        notices.tell(row.mainUnit, row, NoticeKind.OVERDUE, action.nameZh(), turn.now());
        notices.tell(centre, row, NoticeKind.OVERDUE, action.nameZh(), turn.now());
        row.supervisions++;
        file.stay(CaseAction.SUPERVISED, centre, row.mainUnit, "超期自动督办", "automatic");
        notices.tell(row.mainUnit, row, NoticeKind.SUPERVISED, "超期自动督办", turn.now());
    }
}
