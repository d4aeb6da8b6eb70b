package org.cityos.casework;

import java.time.Instant;
import java.util.List;
import org.cityos.kernel.GeoPoint;

/**
 * A case as its users see it: what was asked, where, by whom (masked), who holds it, its deadlines, the follow-up,
 * and its whole timeline. The caller's number is shown only through {@code Cases.caller}, audited.
 */
public record Case(
        CaseId id,
        String number,
        Channel channel,
        String externalId,
        RequestType requestType,
        String title,
        String content,
        String categoryCode,
        String suggestedCategory,
        Urgency urgency,
        CaseStatus status,
        Place place,
        Caller caller,
        String mainUnit,
        Times times,
        Deadlines deadlines,
        String reply,
        String answer,
        FollowUp followUp,
        boolean excludedFromRates,
        int supervisions,
        int reopenings,
        Links links,
        int version,
        List<Assignment> assignments,
        List<CaseStep> steps,
        List<AttachmentInfo> attachments) {

    public record Place(
            String address, GeoPoint point, String divisionCode, String town, String community, String grid) {}

    /** Masked by default: {@code 张*}, {@code 138****5678}. */
    public record Caller(String name, String phone, boolean masked) {}

    public record Times(
            Instant receivedAt,
            Instant dispatchedAt,
            Instant signedAt,
            Instant repliedAt,
            Instant verifiedAt,
            Instant closedAt,
            Instant suspendedAt) {}

    public record Deadlines(
            Instant responseDue, Instant resolutionDue, boolean responseOverdue, boolean resolutionOverdue) {}

    public record FollowUp(Boolean solved, Satisfaction satisfaction, Instant ratedAt) {}

    public record Links(String mergedInto, String splitFrom, String duplicateOf) {}
}
