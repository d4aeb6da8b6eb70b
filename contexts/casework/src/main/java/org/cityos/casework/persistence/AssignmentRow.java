package org.cityos.casework.persistence;

import java.time.Instant;

/** One {@code casework_assignment} row as a mutable buffer; {@code id} is 0 until inserted. */
@SuppressWarnings("checkstyle:VisibilityModifier")
public final class AssignmentRow {
    public long id;
    public String caseId;
    public String unit;
    public String role;
    public String status;
    public Long parentId;
    public String assignedBy;
    public Instant assignedAt;
    public Instant responseDue;
    public Instant signedAt;
    public Instant finishedAt;
    public String note;
    /** True when changed since loading, so that only changed rows are written back. */
    public boolean dirty;
}
