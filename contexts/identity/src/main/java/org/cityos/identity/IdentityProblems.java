package org.cityos.identity;

import java.time.Instant;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop an identity command. */
public final class IdentityProblems {
    private IdentityProblems() {}

    /** Wrong username or password; deliberately does not say which. */
    public static final class InvalidCredentials extends DomainProblem {
        public InvalidCredentials() {
            super(ProblemKind.UNAUTHENTICATED, "invalid-credentials", "problem.invalid-credentials");
        }
    }

    /** Too many failed sign-ins; the account opens again at {@code until}. */
    public static final class AccountLocked extends DomainProblem {
        public AccountLocked(Instant until) {
            super(ProblemKind.LOCKED, "account-locked", "problem.account-locked", until.toString());
        }
    }

    /** The username is taken. */
    public static final class UsernameTaken extends DomainProblem {
        public UsernameTaken(String username) {
            super(ProblemKind.CONFLICT, "username-taken", "problem.username-taken", username);
        }
    }

    /** No such user (or not one the caller may see). */
    public static final class UnknownUser extends DomainProblem {
        public UnknownUser(Object id) {
            super(ProblemKind.NOT_FOUND, "unknown-user", "problem.unknown-user", String.valueOf(id));
        }
    }

    /** No such department. */
    public static final class UnknownDepartment extends DomainProblem {
        public UnknownDepartment(Object code) {
            super(ProblemKind.NOT_FOUND, "unknown-department", "problem.unknown-department", String.valueOf(code));
        }
    }

    /** A department with this code or name exists already. */
    public static final class DepartmentExists extends DomainProblem {
        public DepartmentExists(String code) {
            super(ProblemKind.CONFLICT, "department-exists", "problem.department-exists", code);
        }
    }

    /** The record changed since the caller read it. */
    public static final class StaleVersion extends DomainProblem {
        public StaleVersion(String what, Object id) {
            super(ProblemKind.CONFLICT, "concurrent-change", "problem.concurrent-change", what, String.valueOf(id));
        }
    }

    /** The caller would hand out more than it holds itself. */
    public static final class ScopeNotGrantable extends DomainProblem {
        public ScopeNotGrantable() {
            super(ProblemKind.FORBIDDEN, "scope-not-grantable", "problem.scope-not-grantable");
        }
    }

    /** A generated or reset password must be replaced before anything else. */
    public static final class PasswordChangeRequired extends DomainProblem {
        public PasswordChangeRequired() {
            super(ProblemKind.FORBIDDEN, "password-change-required", "problem.password-change-required");
        }
    }

    /** No such API key. */
    public static final class UnknownApiKey extends DomainProblem {
        public UnknownApiKey(Object id) {
            super(ProblemKind.NOT_FOUND, "unknown-api-key", "problem.unknown-api-key", String.valueOf(id));
        }
    }
}
