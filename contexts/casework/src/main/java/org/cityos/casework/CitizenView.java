package org.cityos.casework;

import java.time.Instant;
import java.util.List;

/**
 * The citizen's own view of a request, found by its token: where it stands, the public steps of its timeline
 * (without who handled it), the answer or reply, and the citizen's rating if given.
 */
public record CitizenView(
        String number,
        CaseStatus status,
        String statusName,
        String categoryCode,
        String categoryName,
        String title,
        String description,
        Instant receivedAt,
        List<Step> steps,
        String reply,
        String answer,
        Rating rating) {

    /** A step as the citizen sees it: what happened and when. */
    public record Step(CaseAction action, String nameZh, Instant at) {}

    public record Rating(Boolean solved, Satisfaction satisfaction, String satisfactionName, Instant ratedAt) {}
}
