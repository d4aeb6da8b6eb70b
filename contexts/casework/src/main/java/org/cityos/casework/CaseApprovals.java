package org.cityos.casework;

import static org.cityos.casework.CaseDispatch.requireText;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cityos.casework.CaseCommands.AppealCase;
import org.cityos.casework.CaseCommands.Decide;
import org.cityos.casework.CaseCommands.RequestExtension;
import org.cityos.casework.internal.CaseFile;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.internal.Notices;
import org.cityos.casework.internal.TextRules;
import org.cityos.casework.persistence.AssignmentRow;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.cityos.workflow.Approval;
import org.cityos.workflow.ApprovalHandler;
import org.cityos.workflow.ApprovalId;
import org.cityos.workflow.ApprovalStatus;
import org.cityos.workflow.Approvals;
import org.cityos.workflow.DecisionOutcome;

/**
 * Requests a unit makes to the centre, decided on the shared workflow engine: an extension of the resolution
 * deadline by working days (granted, narrowed or refused by a dispatcher), and an appeal (申诉) to exclude an
 * unreasonable request from the unit's rates (decided by a supervisor). The decision and its effect on the case
 * commit together.
 */
public class CaseApprovals {
    public static final String EXTENSION = "casework.extension";
    public static final String APPEAL = "casework.appeal";
    private static final String DAYS = "workingDays";

    private final CaseWork work;
    private final Approvals approvals;
    private final WorkingCalendar calendar;
    private final Notices notices;

    public CaseApprovals(CaseWork work, Approvals approvals, WorkingCalendar calendar, Notices notices) {
        this.work = work;
        this.approvals = approvals;
        this.calendar = calendar;
        this.notices = notices;
    }

    public CaseId requestExtension(Actor actor, CaseId id, Integer version, RequestExtension command) {
        requireText("reason", command.reason(), true);
        if (command.workingDays() < 1 || command.workingDays() > 30) {
            throw InvalidInput.of("workingDays", "validation.range", 1, 30);
        }
        return work.run(actor, Permission.CASE_HANDLE, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            file.require(CaseAction.EXTENSION_REQUESTED, CaseStatus.SIGNED, CaseStatus.IN_PROGRESS);
            AssignmentRow held = CaseHandling.signedMain(file, turn, CaseAction.EXTENSION_REQUESTED);
            requireNonePending(EXTENSION, id);
            String centre = centre();
            Instant due = file.row().resolutionDue;
            approvals.open(
                    EXTENSION,
                    id.value(),
                    a.id(),
                    a.name(),
                    TextRules.clean(command.reason()),
                    Map.of(DAYS, String.valueOf(command.workingDays()), "unit", held.unit),
                    List.of(centre),
                    due != null && due.isAfter(turn.now()) ? due : turn.now().plus(Duration.ofDays(1)));
            file.stay(
                    CaseAction.EXTENSION_REQUESTED,
                    held.unit,
                    centre,
                    TextRules.clean(command.reason()),
                    DAYS + "=" + command.workingDays());
            notices.tell(
                    centre, file.row(), NoticeKind.EXTENSION_REQUESTED, command.workingDays() + " 个工作日", turn.now());
        });
    }

    public CaseId appeal(Actor actor, CaseId id, Integer version, AppealCase command) {
        requireText("reason", command.reason(), true);
        return work.run(actor, Permission.CASE_HANDLE, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            file.require(CaseAction.APPEALED, CaseStatus.REPLIED, CaseStatus.VERIFIED, CaseStatus.CLOSED);
            String unit = file.assignments().stream()
                    .filter(x -> x.role.equals(AssignmentRole.MAIN.name()))
                    .filter(x ->
                            turn.units().stream().anyMatch(u -> u.toString().equals(x.unit)))
                    .map(x -> x.unit)
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new CaseNotHeld(CaseAction.APPEALED));
            requireNonePending(APPEAL, id);
            approvals.open(
                    APPEAL,
                    id.value(),
                    a.id(),
                    a.name(),
                    TextRules.clean(command.reason()),
                    Map.of("unit", unit),
                    List.of(centre()),
                    turn.now().plus(Duration.ofDays(10)));
            file.stay(CaseAction.APPEALED, unit, centre(), TextRules.clean(command.reason()), null);
            notices.tell(centre(), file.row(), NoticeKind.APPEAL_REQUESTED, null, turn.now());
        });
    }

    /** A dispatcher decides an extension, a supervisor an appeal; the case changes in the same transaction. */
    public Approval decide(Actor actor, ApprovalId id, Integer version, Decide command) {
        Approval approval = approvals.get(id);
        Permission permission = switch (approval.kind()) {
            case EXTENSION -> Permission.CASE_DISPATCH;
            case APPEAL -> Permission.CASE_SUPERVISE;
            default -> throw new NotFound("approval", id.value());
        };
        actor.require(permission);
        work.load(actor, new CaseId(approval.subject()));
        requireText("note", command.note(), !command.approve());
        DecisionOutcome outcome = DecisionOutcome.REFUSED;
        Map<String, String> narrowed = null;
        if (command.approve()) {
            outcome = DecisionOutcome.APPROVED;
            if (approval.kind().equals(EXTENSION) && command.workingDays() != null) {
                int asked = Integer.parseInt(approval.payload().get(DAYS));
                if (command.workingDays() < 1 || command.workingDays() > asked) {
                    throw InvalidInput.of("workingDays", "validation.range", 1, asked);
                }
                if (command.workingDays() < asked) {
                    outcome = DecisionOutcome.NARROWED;
                    narrowed = Map.of(
                            DAYS,
                            String.valueOf(command.workingDays()),
                            "unit",
                            approval.payload().get("unit"));
                }
            }
        }
        return approvals.decide(
                id,
                actor.id(),
                actor.name(),
                outcome,
                TextRules.clean(command.note()),
                narrowed,
                version == null ? approval.version() : version);
    }

    public List<Approval> ofCase(Actor actor, CaseId id) {
        actor.require(Permission.CASE_READ);
        work.load(actor, id);
        return Stream.concat(
                        approvals.list(EXTENSION, id.value()).stream(), approvals.list(APPEAL, id.value()).stream())
                .toList();
    }

    public List<Approval> pending(Actor actor, String kind) {
        actor.require(kind.equals(APPEAL) ? Permission.CASE_SUPERVISE : Permission.CASE_DISPATCH);
        return approvals.pending(kind).stream()
                .filter(a -> {
                    try {
                        work.load(actor, new CaseId(a.subject()));
                        return true;
                    } catch (NotFound e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Extends the case's resolution deadline by what was granted. */
    ApprovalHandler extensions() {
        return new Outcome(EXTENSION) {
            @Override
            void apply(CaseFile file, Approval approval, Instant now) {
                CaseRow row = file.row();
                boolean granted =
                        approval.status() == ApprovalStatus.APPROVED || approval.status() == ApprovalStatus.NARROWED;
                String days = approval.effectivePayload().get(DAYS);
                if (granted && row.resolutionDue != null) {
                    row.resolutionDue = calendar.addWorkingDays(row.resolutionDue, Integer.parseInt(days));
                    row.resolutionWarnAt = null;
                    row.resolutionOverdue = false;
                }
                file.stay(
                        CaseAction.EXTENSION_DECIDED,
                        centre(),
                        approval.payload().get("unit"),
                        note(approval),
                        approval.status().name() + (granted ? "," + DAYS + "=" + days : ""));
                notices.tell(
                        approval.payload().get("unit"),
                        row,
                        NoticeKind.EXTENSION_DECIDED,
                        approval.status().name(),
                        now);
            }
        };
    }

    /** Excludes the case from the unit's rates when the appeal is approved. */
    ApprovalHandler appeals() {
        return new Outcome(APPEAL) {
            @Override
            void apply(CaseFile file, Approval approval, Instant now) {
                boolean approved = approval.status() == ApprovalStatus.APPROVED;
                if (approved) {
                    file.row().excludedFromRates = true;
                }
                file.stay(
                        CaseAction.APPEAL_DECIDED,
                        centre(),
                        approval.payload().get("unit"),
                        note(approval),
                        approval.status().name());
                notices.tell(
                        approval.payload().get("unit"),
                        file.row(),
                        NoticeKind.APPEAL_DECIDED,
                        approval.status().name(),
                        now);
            }
        };
    }

    private abstract class Outcome implements ApprovalHandler {
        private final String kind;

        Outcome(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void onDecided(Approval approval) {
            work.run(
                    Actor.system("casework-approvals"),
                    Permission.CASE_READ,
                    new CaseId(approval.subject()),
                    null,
                    (a, turn) -> apply(turn.file(), approval, turn.now()));
        }

        @Override
        public void onExpired(Approval approval) {
            onDecided(approval);
        }

        abstract void apply(CaseFile file, Approval approval, Instant now);
    }

    private void requireNonePending(String kind, CaseId id) {
        if (approvals.list(kind, id.value()).stream().anyMatch(x -> x.status() == ApprovalStatus.PENDING)) {
            throw new CaseProblems.ApprovalPending(kind);
        }
    }

    private static String note(Approval approval) {
        return approval.decisions().isEmpty()
                ? null
                : approval.decisions().get(approval.decisions().size() - 1).note();
    }

    private String centre() {
        return UnitRef.centre(work.district()).toString();
    }
}
