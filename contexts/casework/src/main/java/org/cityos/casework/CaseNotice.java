package org.cityos.casework;

import java.time.Instant;

/** A notice to a unit about a case; every notice is kept in-app and offered to each {@link CaseNoticeChannel}. */
public record CaseNotice(
        long id, String unit, CaseId caseId, String caseNumber, NoticeKind kind, String text, Instant at) {}
