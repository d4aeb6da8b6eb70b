package org.cityos.kernel.problem;

/** Someone else changed the same thing first (optimistic locking); reload and try again. */
public final class ConcurrentChange extends DomainProblem {
    public ConcurrentChange(String what, Object id) {
        super(ProblemKind.CONFLICT, "concurrent-change", "problem.concurrent-change", what, String.valueOf(id));
    }
}
