package org.cityos.kernel.problem;

/** The caller is known but lacks the permission or the scope for this. */
public final class AccessDenied extends DomainProblem {
    public AccessDenied(String reasonKey, Object... args) {
        super(ProblemKind.FORBIDDEN, "access-denied", reasonKey, args);
    }
}
