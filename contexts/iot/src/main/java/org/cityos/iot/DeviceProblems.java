package org.cityos.iot;

import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a device command. */
public final class DeviceProblems {
    private DeviceProblems() {}

    /** The device does not exist, or lies outside the caller's scope (which must not be revealed). */
    public static final class UnknownDevice extends DomainProblem {
        public UnknownDevice(Object id) {
            super(ProblemKind.NOT_FOUND, "unknown-device", "problem.unknown-device", String.valueOf(id));
        }
    }

    /** Another device has this vendor's serial. */
    public static final class DuplicateSerial extends DomainProblem {
        public DuplicateSerial(String vendor, String serial, DeviceId existing) {
            super(
                    ProblemKind.CONFLICT,
                    "duplicate-device-serial",
                    "problem.duplicate-device-serial",
                    vendor,
                    serial,
                    existing.value());
        }
    }

    /** A device of the same type stands within a few metres; repeat with {@code allowNearDuplicate=true} if meant. */
    public static final class NearDuplicate extends DomainProblem {
        public NearDuplicate(DeviceId existing, long metres) {
            super(
                    ProblemKind.CONFLICT,
                    "near-duplicate-device",
                    "problem.near-duplicate-device",
                    existing.value(),
                    metres);
        }
    }

    /** The lifecycle does not allow this move. */
    public static final class IllegalTransition extends DomainProblem {
        public IllegalTransition(DeviceState from, DeviceState to) {
            super(
                    ProblemKind.CONFLICT,
                    "illegal-device-transition",
                    "problem.illegal-device-transition",
                    from.name(),
                    to.name());
        }
    }

    /** The location is outside every division CityOS knows. */
    public static final class DeviceOutsideDistrict extends DomainProblem {
        public DeviceOutsideDistrict(GeoPoint wgs84) {
            super(
                    ProblemKind.INVALID,
                    "device-outside-district",
                    "problem.device-outside-district",
                    String.valueOf(wgs84.lon()),
                    String.valueOf(wgs84.lat()));
        }
    }
}
