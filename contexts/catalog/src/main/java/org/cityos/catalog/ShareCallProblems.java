package org.cityos.catalog;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Why the data API refused a call; each is logged with its status and type as the reason. */
public final class ShareCallProblems {
    private ShareCallProblems() {}

    /** No key, or one that is not the current key of the grant in the path: 401. */
    public static final class ShareKeyInvalid extends DomainProblem {
        public ShareKeyInvalid(String grantId) {
            super(ProblemKind.UNAUTHENTICATED, "share-key-invalid", "problem.share-key-invalid", grantId);
        }
    }

    /** The provider revoked the grant: 403. */
    public static final class ShareRevoked extends DomainProblem {
        public ShareRevoked(String grantId, String reason) {
            super(ProblemKind.FORBIDDEN, "share-revoked", "problem.share-revoked", grantId, reason);
        }
    }

    /** Today is outside the granted period: 403. */
    public static final class ShareOutsidePeriod extends DomainProblem {
        public ShareOutsidePeriod(String grantId, Object from, Object until) {
            super(ProblemKind.FORBIDDEN, "share-outside-period", "problem.share-outside-period", grantId, from, until);
        }
    }

    /** A field was asked for that the grant does not cover: 403 naming it. */
    public static final class FieldNotGranted extends DomainProblem {
        public FieldNotGranted(String field) {
            super(ProblemKind.FORBIDDEN, "share-field-not-granted", "problem.share-field-not-granted", field);
        }
    }

    /** The rate limit or the daily quota is used up: 429 with {@code Retry-After}. */
    public static final class CallsLimited extends DomainProblem {
        private final long retryAfterSeconds;

        public CallsLimited(boolean quota, int limit, long retryAfterSeconds) {
            super(
                    ProblemKind.TOO_MANY,
                    quota ? "share-quota-exhausted" : "share-rate-limited",
                    quota ? "problem.share-quota-exhausted" : "problem.share-rate-limited",
                    limit);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The resource has no source, or its source lacks a granted field: 409 (the provider's to fix). */
    public static final class SourceUnavailable extends DomainProblem {
        public SourceUnavailable(String resourceCode, String detail) {
            super(
                    ProblemKind.CONFLICT,
                    "share-source-unavailable",
                    "problem.share-source-unavailable",
                    resourceCode,
                    detail);
        }
    }

    /** The request has no grant (undecided, refused or expired): 409. */
    public static final class NotGranted extends DomainProblem {
        public NotGranted(String requestId) {
            super(ProblemKind.CONFLICT, "share-not-granted", "problem.share-not-granted", requestId);
        }
    }
}
