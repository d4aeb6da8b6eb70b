package org.cityos.catalog;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a sharing command. */
public final class ShareProblems {
    private ShareProblems() {}

    /** No sharing request has this id: 404. */
    public static final class UnknownShareRequest extends DomainProblem {
        public UnknownShareRequest(String id) {
            super(ProblemKind.NOT_FOUND, "unknown-share-request", "problem.unknown-share-request", id);
        }
    }

    /** The request was decided already; a decision is final: 409. */
    public static final class ShareAlreadyDecided extends DomainProblem {
        public ShareAlreadyDecided(String id) {
            super(ProblemKind.CONFLICT, "share-already-decided", "problem.share-already-decided", id);
        }
    }

    /** The resource is retired or catalogued as not shared: 409. */
    public static final class ResourceNotShareable extends DomainProblem {
        public ResourceNotShareable(String code) {
            super(ProblemKind.CONFLICT, "resource-not-shareable", "problem.resource-not-shareable", code);
        }
    }
}
