package org.cityos.casework.internal;

import java.util.List;
import org.cityos.casework.Assignment;
import org.cityos.casework.AssignmentRole;
import org.cityos.casework.AssignmentStatus;
import org.cityos.casework.AttachmentInfo;
import org.cityos.casework.AttachmentStage;
import org.cityos.casework.Case;
import org.cityos.casework.CaseId;
import org.cityos.casework.CaseStatus;
import org.cityos.casework.CaseStep;
import org.cityos.casework.Channel;
import org.cityos.casework.RequestType;
import org.cityos.casework.Satisfaction;
import org.cityos.casework.UnitRef;
import org.cityos.casework.Urgency;
import org.cityos.casework.persistence.AssignmentRow;
import org.cityos.casework.persistence.AttachmentRow;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.GeoPoint;

/** Builds the public case view from stored rows, the caller always masked. */
public final class CaseViews {
    private CaseViews() {}

    public static Case view(
            CaseRow r, List<AssignmentRow> assignments, List<CaseStep> steps, List<AttachmentRow> attachments) {
        return new Case(
                new CaseId(r.id),
                r.number,
                Channel.valueOf(r.channel),
                r.externalId,
                RequestType.valueOf(r.requestType),
                r.title,
                r.content,
                r.categoryCode,
                r.suggestedCategory,
                Urgency.valueOf(r.urgency),
                CaseStatus.valueOf(r.status),
                new Case.Place(
                        r.address,
                        r.lon == null ? null : GeoPoint.of(r.lon, r.lat),
                        r.divisionCode,
                        r.townCode,
                        r.communityCode,
                        r.gridCode),
                new Case.Caller(CallerMask.name(r.callerName), CallerMask.phone(r.callerPhone), true),
                r.mainUnit,
                new Case.Times(
                        r.receivedAt, r.dispatchedAt, r.signedAt, r.repliedAt, r.verifiedAt, r.closedAt, r.suspendedAt),
                new Case.Deadlines(r.responseDue, r.resolutionDue, r.responseOverdue, r.resolutionOverdue),
                r.reply,
                r.answer,
                new Case.FollowUp(
                        r.solved, r.satisfaction == null ? null : Satisfaction.valueOf(r.satisfaction), r.ratedAt),
                r.excludedFromRates,
                r.supervisions,
                r.reopenings,
                new Case.Links(r.mergedInto, r.splitFrom, r.duplicateOf),
                r.version,
                assignments.stream().map(CaseViews::assignment).toList(),
                steps,
                attachments.stream().map(CaseViews::attachment).toList());
    }

    public static Assignment assignment(AssignmentRow a) {
        return new Assignment(
                a.id,
                UnitRef.parse(a.unit).orElseThrow(),
                AssignmentRole.valueOf(a.role),
                AssignmentStatus.valueOf(a.status),
                a.parentId,
                a.assignedBy,
                a.assignedAt,
                a.responseDue,
                a.signedAt,
                a.finishedAt,
                a.note);
    }

    public static AttachmentInfo attachment(AttachmentRow a) {
        return new AttachmentInfo(
                a.id(),
                AttachmentStage.valueOf(a.stage()),
                a.fileName(),
                a.mediaType(),
                a.sizeBytes(),
                a.sha256(),
                a.lon() == null ? null : GeoPoint.of(a.lon(), a.lat()),
                a.byId(),
                a.at());
    }
}
