package org.cityos.casework.persistence;

import java.time.Instant;

/**
 * One {@code casework_case} row as a mutable buffer: loaded, changed by the case file's transitions, written back
 * under its version. Fields mirror the columns; the public case view is built from it.
 */
@SuppressWarnings("checkstyle:VisibilityModifier")
public final class CaseRow {
    public String id;
    public String number;
    public String channel;
    public String externalId;
    public String requestType;
    public String title;
    public String content;
    public String categoryCode;
    public String suggestedCategory;
    public String urgency;
    public String status;
    public String statusBefore;
    public String address;
    public Double lon;
    public Double lat;
    public String divisionCode;
    public String townCode;
    public String communityCode;
    public String gridCode;
    public String callerName;
    public String callerPhone;
    public String citizenToken;
    public String sourceRef;
    public String reportedBy;
    public String mainUnit;
    public Instant receivedAt;
    public Instant dispatchedAt;
    public Instant signedAt;
    public Instant repliedAt;
    public Instant verifiedAt;
    public Instant closedAt;
    public Instant suspendedAt;
    public Instant responseDue;
    public Instant responseWarnAt;
    public Instant resolutionDue;
    public Instant resolutionWarnAt;
    public boolean responseOverdue;
    public boolean resolutionOverdue;
    public String reply;
    public String answer;
    public Boolean solved;
    public String satisfaction;
    public Instant ratedAt;
    public boolean excludedFromRates;
    public int supervisions;
    public int reopenings;
    public String mergedInto;
    public String splitFrom;
    public String duplicateOf;
    public int version;
    public Instant updatedAt;
}
