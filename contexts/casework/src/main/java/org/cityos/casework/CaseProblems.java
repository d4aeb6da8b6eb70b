package org.cityos.casework;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The outcomes that stop a case command, each with a stable type and a localised message. */
public final class CaseProblems {
    private CaseProblems() {}

    /** A case is dispatched only once its category is confirmed: 409. */
    public static final class CategoryRequired extends DomainProblem {
        public CategoryRequired() {
            super(ProblemKind.CONFLICT, "case-needs-category", "problem.case-needs-category");
        }
    }

    public static final class UnknownCategory extends DomainProblem {
        public UnknownCategory(String code) {
            super(ProblemKind.INVALID, "case-unknown-category", "problem.case-unknown-category", code);
        }
    }

    public static final class OutsideDistrict extends DomainProblem {
        public OutsideDistrict(double lon, double lat) {
            super(ProblemKind.INVALID, "case-outside-district", "problem.case-outside-district", lon, lat);
        }
    }

    public static final class AttachmentTooLarge extends DomainProblem {
        public AttachmentTooLarge(long size, long max) {
            super(ProblemKind.TOO_LARGE, "case-attachment-too-large", "problem.case-attachment-too-large", size, max);
        }
    }

    public static final class AttachmentRefused extends DomainProblem {
        public AttachmentRefused(String fileName) {
            super(ProblemKind.UNSUPPORTED, "case-attachment-refused", "problem.case-attachment-refused", fileName);
        }
    }

    /** An on-site check that passes needs the inspector's GPS near the case and at least one after-photo: 409. */
    public static final class OnSiteEvidenceMissing extends DomainProblem {
        public OnSiteEvidenceMissing(String what) {
            super(ProblemKind.CONFLICT, "case-on-site-evidence-missing", "problem.case-on-site-evidence-missing", what);
        }
    }

    public static final class NotAConsultation extends DomainProblem {
        public NotAConsultation() {
            super(ProblemKind.CONFLICT, "case-not-a-consultation", "problem.case-not-a-consultation");
        }
    }

    public static final class MergeRefused extends DomainProblem {
        public MergeRefused(String reason) {
            super(ProblemKind.CONFLICT, "case-merge-refused", "problem.case-merge-refused", reason);
        }
    }

    public static final class ApprovalPending extends DomainProblem {
        public ApprovalPending(String kind) {
            super(ProblemKind.CONFLICT, "case-approval-pending", "problem.case-approval-pending", kind);
        }
    }
}
