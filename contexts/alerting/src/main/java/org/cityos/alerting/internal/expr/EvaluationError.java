package org.cityos.alerting.internal.expr;

/**
 * An error inside the native tree that CEL would report ({@code int()} of a number out of range). Logical nodes
 * absorb it where CEL does ({@code error || true} is true); otherwise it surfaces as {@link ConditionFailed}.
 * No stack trace: it is an outcome, not a bug.
 */
final class EvaluationError extends RuntimeException {
    EvaluationError(String message) {
        super(message, null, false, false);
    }
}
