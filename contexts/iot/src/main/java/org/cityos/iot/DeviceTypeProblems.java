package org.cityos.iot;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a device-type command. */
public final class DeviceTypeProblems {
    private DeviceTypeProblems() {}

    /** No device type has this code. */
    public static final class UnknownDeviceType extends DomainProblem {
        public UnknownDeviceType(String code) {
            super(ProblemKind.NOT_FOUND, "unknown-device-type", "problem.unknown-device-type", String.valueOf(code));
        }
    }

    /** A device type with this code exists already. */
    public static final class DeviceTypeExists extends DomainProblem {
        public DeviceTypeExists(String code) {
            super(ProblemKind.CONFLICT, "device-type-exists", "problem.device-type-exists", code);
        }
    }

    /** The component-class table cannot replace the current one (unreadable, or classes in use would vanish). */
    public static final class ComponentClassesRefused extends DomainProblem {
        public ComponentClassesRefused(String reason) {
            super(ProblemKind.INVALID, "component-classes-refused", "problem.component-classes-refused", reason);
        }
    }
}
