package org.cityos.iot;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** A message larger than {@code cityos.iot.telemetry.max-payload}; refused, not stored. */
public final class MessageTooLarge extends DomainProblem {
    public MessageTooLarge(long limit) {
        super(ProblemKind.TOO_LARGE, "message-too-large", "problem.message-too-large", limit);
    }
}
