package org.cityos.iot;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** A device tried to report for a device that is neither itself nor registered behind it (spoofing). */
public final class NotYourDevice extends DomainProblem {
    public NotYourDevice(String device) {
        super(ProblemKind.FORBIDDEN, "not-your-device", "problem.not-your-device", device);
    }
}
