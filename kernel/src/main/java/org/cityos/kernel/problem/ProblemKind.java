package org.cityos.kernel.problem;

/** What a problem means to a caller; the web layer maps each kind to one HTTP status. */
public enum ProblemKind {
    INVALID(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    TOO_LARGE(413),
    UNSUPPORTED(415),
    LOCKED(423),
    TOO_MANY(429),
    UNAVAILABLE(503);

    private final int status;

    ProblemKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
