package org.cityos.casework;

import static org.cityos.casework.CaseDispatch.requireText;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.cityos.casework.CaseCommands.CloseCase;
import org.cityos.casework.CaseCommands.RateCase;
import org.cityos.casework.CaseCommands.ReopenCase;
import org.cityos.casework.CaseCommands.VerifyCase;
import org.cityos.casework.internal.CaseFile;
import org.cityos.casework.internal.CaseWork;
import org.cityos.casework.internal.Notices;
import org.cityos.casework.internal.TextRules;
import org.cityos.casework.persistence.AssignmentRow;
import org.cityos.casework.persistence.AttachmentRepository;
import org.cityos.casework.persistence.CaseRepository;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;

/**
 * Closing the loop: the reply is verified — by a follow-up call for hotline and public requests (solved? how
 * satisfied?), by an on-site check with after-photos and GPS for grid and alarm cases — then closed; a failed check
 * sends the case back to its unit; a closed case can be reopened.
 */
public class CaseVerification {
    /** Channels whose cases are verified on site rather than by a call. */
    private static final EnumSet<Channel> ON_SITE = EnumSet.of(Channel.GRID, Channel.ALARM, Channel.EVENT);

    private final CaseWork work;
    private final CaseRepository cases;
    private final Notices notices;
    private final AttachmentRepository attachments;
    private final DeadlinePolicies policies;
    private final double onSiteMetres;

    public CaseVerification(
            CaseWork work,
            CaseRepository cases,
            Notices notices,
            AttachmentRepository attachments,
            DeadlinePolicies policies,
            double onSiteMetres) {
        this.work = work;
        this.cases = cases;
        this.notices = notices;
        this.attachments = attachments;
        this.policies = policies;
        this.onSiteMetres = onSiteMetres;
    }

    public CaseId verify(Actor actor, CaseId id, Integer version, VerifyCase command) {
        requireText("note", command.note(), !command.passed());
        return work.run(actor, Permission.CASE_VERIFY, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            file.require(CaseAction.VERIFIED, CaseStatus.REPLIED);
            boolean onSite = ON_SITE.contains(Channel.valueOf(row.channel));
            String note = TextRules.clean(command.note());
            if (command.passed() && onSite) {
                checkOnSite(row, command.point());
            }
            if (!onSite) {
                if (command.solved() != null) {
                    row.solved = command.solved();
                }
                if (command.satisfaction() != null) {
                    row.satisfaction = command.satisfaction().name();
                    row.ratedAt = turn.now();
                }
            }
            String data = command.point() == null
                    ? null
                    : command.point().lon() + "," + command.point().lat();
            if (command.passed()) {
                row.verifiedAt = turn.now();
                file.move(CaseAction.VERIFIED, CaseStatus.VERIFIED, null, null, note, data);
                return;
            }
            AssignmentRow last = lastMain(file);
            last.status = AssignmentStatus.SIGNED.name();
            last.finishedAt = null;
            last.dirty = true;
            row.mainUnit = last.unit;
            file.move(CaseAction.REPLY_REJECTED, CaseStatus.IN_PROGRESS, null, last.unit, note, data);
            notices.tell(last.unit, row, NoticeKind.REPLY_REJECTED, note, turn.now());
        });
    }

    public CaseId close(Actor actor, CaseId id, Integer version, CloseCase command) {
        requireText("note", command.note(), false);
        return work.run(actor, Permission.CASE_VERIFY, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            file.require(CaseAction.CLOSED, CaseStatus.VERIFIED);
            file.row().closedAt = turn.now();
            file.move(CaseAction.CLOSED, CaseStatus.CLOSED, null, null, TextRules.clean(command.note()), null);
        });
    }

    public CaseId reopen(Actor actor, CaseId id, Integer version, ReopenCase command) {
        requireText("reason", command.reason(), true);
        return work.run(actor, Permission.CASE_VERIFY, id, version, (a, turn) -> {
            CaseFile file = turn.file();
            CaseRow row = file.row();
            file.require(CaseAction.REOPENED, CaseStatus.CLOSED, CaseStatus.VERIFIED);
            String reason = TextRules.clean(command.reason());
            row.reopenings++;
            row.verifiedAt = null;
            row.closedAt = null;
            row.resolutionOverdue = false;
            if (row.answer != null && file.assignments().isEmpty()) {
                // A consultation answered at intake goes back to the centre to be dispatched.
                row.answer = null;
                file.move(CaseAction.REOPENED, CaseStatus.RECEIVED, null, null, reason, null);
                return;
            }
            AssignmentRow last = lastMain(file);
            CaseDeadlines deadlines = policies.deadlines(row.categoryCode, Urgency.valueOf(row.urgency), turn.now());
            row.resolutionDue = deadlines.resolutionDue();
            row.resolutionWarnAt = deadlines.resolutionWarnAt();
            UnitRef unit = UnitRef.parse(last.unit).orElseThrow();
            file.assign(unit, AssignmentRole.MAIN, null, actor.id(), turn.now(), deadlines.responseDue());
            row.mainUnit = last.unit;
            file.move(CaseAction.REOPENED, CaseStatus.DISPATCHED, null, last.unit, reason, null);
            notices.tell(last.unit, row, NoticeKind.REOPENED, reason, turn.now());
        });
    }

    /** The citizen rates the answer to its own request, found by the request's token. */
    public CaseId rateByToken(String token, RateCase command) {
        requireText("comment", command.comment(), false);
        if (command.solved() == null && command.satisfaction() == null) {
            throw InvalidInput.of("satisfaction", "validation.required");
        }
        CaseRow row = (token == null || !token.matches("[0-9a-f]{32}")
                        ? Optional.<CaseRow>empty()
                        : cases.findByToken(token))
                .orElseThrow(() -> new NotFound("case", "token"));
        return work.run(
                Actor.system("citizen"),
                Permission.CASE_READ,
                new CaseId(row.id),
                null,
                (a, turn) -> rate(turn.file(), command, turn.now()));
    }

    /** The citizen's own rating, through the request's token (Open311) or the follow-up operator. */
    public void rate(CaseFile file, RateCase command, Instant now) {
        file.require(CaseAction.RATED, CaseStatus.REPLIED, CaseStatus.VERIFIED, CaseStatus.CLOSED);
        CaseRow row = file.row();
        if (command.solved() != null) {
            row.solved = command.solved();
        }
        if (command.satisfaction() != null) {
            row.satisfaction = command.satisfaction().name();
        }
        row.ratedAt = now;
        file.stay(
                CaseAction.RATED,
                null,
                null,
                TextRules.clean(command.comment()),
                (command.satisfaction() == null ? "" : command.satisfaction().name())
                        + (command.solved() == null ? "" : ",solved=" + command.solved()));
    }

    private void checkOnSite(CaseRow row, GeoPoint point) {
        if (point == null) {
            throw new CaseProblems.OnSiteEvidenceMissing("point");
        }
        if (row.lon != null && GeoPoint.of(row.lon, row.lat).distanceTo(point) > onSiteMetres) {
            throw new CaseProblems.OnSiteEvidenceMissing("distance");
        }
        if (attachments.count(row.id, AttachmentStage.VERIFY.name()) == 0) {
            throw new CaseProblems.OnSiteEvidenceMissing("photo");
        }
    }

    private static AssignmentRow lastMain(CaseFile file) {
        AssignmentRow last = null;
        for (AssignmentRow x : file.assignments()) {
            if (x.role.equals(AssignmentRole.MAIN.name())
                    && (CaseFile.status(x) == AssignmentStatus.REPLIED
                            || CaseFile.status(x).active())) {
                last = x;
            }
        }
        if (last == null) {
            throw new CaseNotInState(CaseAction.REPLY_REJECTED, file.status());
        }
        return last;
    }
}
