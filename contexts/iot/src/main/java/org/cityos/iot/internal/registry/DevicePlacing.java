package org.cityos.iot.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityos.identity.Departments;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceDraft;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceProblems.DeviceOutsideDistrict;
import org.cityos.iot.DeviceProblems.DuplicateSerial;
import org.cityos.iot.DeviceProblems.NearDuplicate;
import org.cityos.iot.DeviceRegistryProperties;
import org.cityos.iot.DeviceState;
import org.cityos.iot.DeviceType;
import org.cityos.iot.DeviceTypes;
import org.cityos.iot.persistence.DeviceRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Places;
import org.springframework.stereotype.Component;

/**
 * Turns a draft into a device that may be stored: fields checked, type and departments known, the
 * location placed in a division of the district, the caller's scope covering it, the parent a gateway
 * without cycles, and no other device with the same serial or (unless allowed) of the same type nearby.
 */
@Component
public class DevicePlacing {
    private static final int MAX_GATEWAY_DEPTH = 16;
    private static final double METRES_PER_DEGREE = 111_195;
    private final DeviceRepository devices;
    private final DeviceTypes types;
    private final Departments departments;
    private final Places places;
    private final DeviceRegistryProperties properties;

    public DevicePlacing(
            DeviceRepository devices,
            DeviceTypes types,
            Departments departments,
            Places places,
            DeviceRegistryProperties properties) {
        this.devices = devices;
        this.types = types;
        this.departments = departments;
        this.places = places;
        this.properties = properties;
    }

    public Device place(Actor actor, DeviceId id, DeviceDraft d, DeviceState state, int version) {
        List<FieldIssue> issues = new ArrayList<>(DeviceRules.check(d));
        if (d.typeCode() != null
                && !d.typeCode().isBlank()
                && types.find(d.typeCode()).isEmpty()) {
            issues.add(new FieldIssue("type", "problem.unknown-device-type", d.typeCode()));
        }
        if (d.department() != null && !departments.exists(d.department())) {
            issues.add(new FieldIssue(
                    "department", "problem.unknown-department", d.department().value()));
        }
        for (DepartmentCode shared : d.sharedWith()) {
            if (!departments.exists(shared)) {
                issues.add(new FieldIssue("sharedWith", "problem.unknown-department", shared.value()));
            }
        }
        if (d.parent() != null) {
            parentIssue(id, d.parent()).ifPresent(issues::add);
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        DivisionCode division = divisionOf(d.location());
        if (!actor.covers(division) && !actor.coversDepartment(d.department())) {
            throw new AccessDenied(
                    "problem.device-out-of-scope",
                    division.value(),
                    d.department().value());
        }
        return new Device(
                id,
                d.typeCode(),
                d.name().strip(),
                blankToNull(d.vendor()),
                blankToNull(d.serial()),
                d.location(),
                blankToNull(d.address()),
                division,
                d.department(),
                d.maintainer(),
                d.installedOn(),
                state,
                List.copyOf(new java.util.LinkedHashSet<>(d.tags())),
                d.parent(),
                d.sharedWith(),
                version,
                null,
                null);
    }

    /**
     * A registered gateway named by its device id, or by its serial under {@code vendor}: an import row's parent.
     * Empty, with the reason in {@code issues}, when there is none or it is not a gateway. A new device has no
     * children yet, so no cycle can arise.
     */
    public java.util.Optional<DeviceId> registeredGateway(
            String vendor, String reference, java.util.List<FieldIssue> issues) {
        java.util.Optional<DeviceId> id = DeviceId.parse(reference)
                .filter(d -> devices.find(d).isPresent())
                .or(() -> vendor == null ? java.util.Optional.empty() : devices.findBySerial(vendor, reference));
        if (id.isEmpty()) {
            issues.add(new FieldIssue("parent", "problem.unknown-device", reference));
            return id;
        }
        java.util.Optional<FieldIssue> problem = parentIssue(DeviceId.random(), id.get());
        problem.ifPresent(issues::add);
        return problem.isPresent() ? java.util.Optional.empty() : id;
    }

    public DivisionCode divisionOf(GeoPoint wgs84) {
        Placement at = places.locate(wgs84);
        if (!at.inside() || at.deepest().isEmpty()) {
            throw new DeviceOutsideDistrict(wgs84);
        }
        return at.deepest().orElseThrow();
    }

    /** The parent must be a gateway, and the chain of parents above it must not lead back to the device. */
    private java.util.Optional<FieldIssue> parentIssue(DeviceId self, DeviceId parent) {
        var found = devices.find(parent);
        if (found.isEmpty()) {
            return java.util.Optional.of(new FieldIssue("parent", "problem.unknown-device", parent.value()));
        }
        boolean gateway =
                types.find(found.get().typeCode()).map(DeviceType::gateway).orElse(false);
        if (!gateway) {
            return java.util.Optional.of(new FieldIssue("parent", "problem.parent-not-gateway", parent.value()));
        }
        Set<DeviceId> seen = new HashSet<>();
        DeviceId at = parent;
        for (int depth = 0; at != null && depth < MAX_GATEWAY_DEPTH; depth++) {
            if (at.equals(self) || !seen.add(at)) {
                return java.util.Optional.of(new FieldIssue("parent", "problem.gateway-cycle", parent.value()));
            }
            at = devices.parentOf(at).orElse(null);
        }
        return java.util.Optional.empty();
    }

    public void refuseDuplicates(Device d, boolean allowNear) {
        if (d.serial() != null) {
            devices.findBySerial(d.vendor(), d.serial())
                    .filter(existing -> !existing.equals(d.id()))
                    .ifPresent(existing -> {
                        throw new DuplicateSerial(d.vendor(), d.serial(), existing);
                    });
        }
        double metres = properties.nearDuplicateMetres();
        if (allowNear || metres <= 0) {
            return;
        }
        double halfLat = metres / METRES_PER_DEGREE;
        double halfLon =
                halfLat / Math.max(0.01, Math.cos(Math.toRadians(d.location().lat())));
        devices.inBox(d.typeCode(), d.location(), halfLon, halfLat).stream()
                .filter(other -> !other.id().equals(d.id()))
                .filter(other -> other.location().distanceTo(d.location()) <= metres)
                .min(Comparator.comparingDouble(other -> other.location().distanceTo(d.location())))
                .ifPresent(other -> {
                    throw new NearDuplicate(
                            other.id(), Math.round(other.location().distanceTo(d.location())));
                });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
