package org.cityos.kernel.problem;

/** The named thing does not exist (or the caller may not know that it does). */
public final class NotFound extends DomainProblem {
    public NotFound(String what, Object id) {
        super(ProblemKind.NOT_FOUND, "not-found", "problem.not-found", what, String.valueOf(id));
    }
}
