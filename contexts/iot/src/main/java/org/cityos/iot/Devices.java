package org.cityos.iot;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.DeviceProblems.IllegalTransition;
import org.cityos.iot.DeviceProblems.UnknownDevice;
import org.cityos.iot.internal.registry.CredentialChangeFeed;
import org.cityos.iot.internal.registry.DevicePlacing;
import org.cityos.iot.persistence.DeviceRepository;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device registry (底数): every device known, typed, placed and owned. A caller sees and changes
 * only devices in divisions it covers or owned by / shared with departments it covers; every write is
 * audited and published in the same transaction.
 */
@Service
public class Devices {
    private final DeviceRepository repository;
    private final DevicePlacing placing;
    private final CredentialChangeFeed credentials;
    private final AuditTrail audit;
    private final EventBus events;
    private final Clock clock;

    public Devices(
            DeviceRepository repository,
            DevicePlacing placing,
            CredentialChangeFeed credentials,
            AuditTrail audit,
            EventBus events,
            Clock clock) {
        this.repository = repository;
        this.placing = placing;
        this.credentials = credentials;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Device register(Actor actor, DeviceDraft draft, boolean allowNearDuplicate) {
        actor.require(Permission.DEVICE_WRITE);
        DeviceId id = DeviceId.random();
        Device device = placing.place(actor, id, draft, draft.state() == null ? DeviceState.PLANNED : draft.state(), 0);
        placing.refuseDuplicates(device, allowNearDuplicate);
        try {
            repository.insert(device, clock.instant());
        } catch (DuplicateKeyException e) {
            // Another registration of the same serial won the race between our check and our insert.
            throw new DeviceProblems.DuplicateSerial(
                    device.vendor(),
                    device.serial(),
                    repository.findBySerial(device.vendor(), device.serial()).orElse(id));
        }
        audit.record(actor, "iot.device.register", "iot.device", id.value(), device.division(), details(device));
        events.publish(new DeviceRegistered(
                id.value(),
                device.typeCode(),
                device.division().value(),
                device.department().value(),
                device.state().name()));
        return repository.find(id).orElseThrow();
    }

    public Device get(Actor actor, DeviceId id) {
        actor.require(Permission.DEVICE_READ);
        return visible(actor, id);
    }

    public Page<Device> list(Actor actor, DeviceFilter filter, PageRequest page) {
        actor.require(Permission.DEVICE_READ);
        return repository.page(filter, DeviceScope.of(actor), page);
    }

    /**
     * The devices in a map's box, gathered into cells for {@code zoom} (0–22), as far as the actor may see them;
     * retired devices are left out unless the filter asks for that state.
     *
     * @throws IllegalArgumentException when the box would hold more than {@link DeviceClusters#MAX_CELLS} cells
     */
    public DeviceClusters clusters(Actor actor, DeviceFilter filter, DeviceBox box, int zoom) {
        actor.require(Permission.DEVICE_READ);
        if (zoom < 0 || zoom > 22) {
            throw new IllegalArgumentException("zoom must be 0 to 22");
        }
        double cell = DeviceClusters.cellDegrees(zoom);
        double cells =
                Math.ceil((box.maxLon() - box.minLon()) / cell) * Math.ceil((box.maxLat() - box.minLat()) / cell);
        if (cells > DeviceClusters.MAX_CELLS) {
            throw new IllegalArgumentException("the box is too large for this zoom");
        }
        List<DeviceClusters.Cluster> clusters = repository.clusters(filter, DeviceScope.of(actor), box, cell);
        long total = clusters.stream().mapToLong(DeviceClusters.Cluster::count).sum();
        return new DeviceClusters(zoom, cell, total, clusters);
    }

    /**
     * The devices that report through a gateway, as far as the actor may see them (retired ones left out); the
     * gateway itself must be visible, so a caller cannot probe another district's gateways.
     */
    public List<Device> children(Actor actor, DeviceId gateway) {
        actor.require(Permission.DEVICE_READ);
        visible(actor, gateway);
        DeviceScope scope = DeviceScope.of(actor);
        return repository.childrenOf(gateway).stream().filter(scope::includes).toList();
    }

    /** Changes a device's record (not its state: see {@link #transition}); the caller names the version it read. */
    @Transactional
    public Device change(Actor actor, DeviceId id, int expectedVersion, DeviceDraft draft, boolean allowNearDuplicate) {
        actor.require(Permission.DEVICE_WRITE);
        Device current = visible(actor, id);
        Device changed = placing.place(actor, id, draft, current.state(), expectedVersion);
        placing.refuseDuplicates(changed, allowNearDuplicate || samePlace(current, changed));
        if (!repository.update(changed, expectedVersion, clock.instant())) {
            throw new ConcurrentChange("device", id);
        }
        audit.record(actor, "iot.device.change", "iot.device", id.value(), changed.division(), details(changed));
        return repository.find(id).orElseThrow();
    }

    /** Moves a device in its lifecycle; an illegal move is a 409 naming both states. */
    @Transactional
    public Device transition(Actor actor, DeviceId id, DeviceState to, String reason) {
        actor.require(Permission.DEVICE_WRITE);
        if (to == null) {
            throw InvalidInput.of("to", "validation.required");
        }
        if (reason != null && reason.length() > 500) {
            throw InvalidInput.of("reason", "validation.too-long", 500);
        }
        Device current = visible(actor, id);
        if (!current.state().canBecome(to)) {
            throw new IllegalTransition(current.state(), to);
        }
        if (!repository.changeState(id, current.state(), to, clock.instant())) {
            throw new ConcurrentChange("device", id);
        }
        credentials.changed(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", current.state().name());
        details.put("to", to.name());
        details.put("reason", reason == null ? "" : reason);
        audit.record(actor, "iot.device.transition", "iot.device", id.value(), current.division(), details);
        events.publish(new DeviceStateChanged(
                id.value(),
                current.typeCode(),
                current.division().value(),
                current.state().name(),
                to.name(),
                reason));
        return repository.find(id).orElseThrow();
    }

    /** The device if the actor may see it; otherwise "unknown", so that existence is not revealed. */
    Device visible(Actor actor, DeviceId id) {
        Device d = repository.find(id).orElseThrow(() -> new UnknownDevice(id));
        if (!DeviceScope.of(actor).includes(d)) {
            throw new UnknownDevice(id);
        }
        return d;
    }

    private static boolean samePlace(Device a, Device b) {
        return a.typeCode().equals(b.typeCode()) && a.location().equals(b.location());
    }

    private static Map<String, Object> details(Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.typeCode());
        m.put("name", d.name());
        m.put("department", d.department().value());
        m.put("state", d.state().name());
        if (d.serial() != null) {
            m.put("serial", d.vendor() + "/" + d.serial());
        }
        m.put(
                "sharedWith",
                d.sharedWith().stream().map(Object::toString).sorted().toList());
        return m;
    }
}
