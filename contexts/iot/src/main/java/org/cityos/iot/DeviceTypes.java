package org.cityos.iot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.DeviceTypeProblems.ComponentClassesRefused;
import org.cityos.iot.DeviceTypeProblems.DeviceTypeExists;
import org.cityos.iot.DeviceTypeProblems.UnknownDeviceType;
import org.cityos.iot.internal.registry.DeviceTypeCatalogue;
import org.cityos.iot.internal.registry.DeviceTypeRules;
import org.cityos.iot.persistence.DeviceTypeRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device-type catalogue: types are data, so a new kind of device needs an API call, not a release.
 * The seeded catalogue is added at start-up for codes not yet stored; stored types are never overwritten.
 * Types are read on every device write and every ingested message, so they are cached per node.
 */
@Service
public class DeviceTypes implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeviceTypes.class);
    private final DeviceTypeRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, DeviceType> cache = new ConcurrentHashMap<>();
    private volatile boolean running;

    public DeviceTypes(DeviceTypeRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public List<DeviceType> list(Actor actor) {
        actor.require(Permission.DEVICE_READ);
        return repository.all();
    }

    public DeviceType get(Actor actor, String code) {
        actor.require(Permission.DEVICE_READ);
        return find(code).orElseThrow(() -> new UnknownDeviceType(code));
    }

    /** The type with this code, for other parts of CityOS (normaliser, registry); cached. */
    public Optional<DeviceType> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        DeviceType cached = cache.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DeviceType> found = repository.find(code);
        found.ifPresent(t -> cache.put(code, t));
        return found;
    }

    @Transactional
    public DeviceType define(Actor actor, DeviceTypeDraft draft) {
        actor.require(Permission.DEVICE_WRITE);
        DeviceType type = rules().check(draft, false, 0);
        if (!repository.insert(type, clock.instant())) {
            throw new DeviceTypeExists(type.code());
        }
        audit.record(actor, "iot.device-type.define", "iot.device-type", type.code(), Map.of("name", type.nameZh()));
        return repository.find(type.code()).orElseThrow();
    }

    @Transactional
    public DeviceType change(Actor actor, String code, int expectedVersion, DeviceTypeDraft draft) {
        actor.require(Permission.DEVICE_WRITE);
        DeviceType current = repository.find(code).orElseThrow(() -> new UnknownDeviceType(code));
        DeviceTypeDraft sameCode = new DeviceTypeDraft(
                code,
                draft.nameZh(),
                draft.nameEn(),
                draft.domain(),
                draft.componentClass(),
                draft.smartDataModel(),
                draft.gateway(),
                draft.properties(),
                draft.commands());
        DeviceType type = rules().check(sameCode, current.builtin(), expectedVersion);
        if (!repository.update(type, expectedVersion, clock.instant())) {
            throw new ConcurrentChange("device type", code);
        }
        cache.remove(code);
        audit.record(
                actor,
                "iot.device-type.change",
                "iot.device-type",
                code,
                Map.of(
                        "version",
                        expectedVersion + 1,
                        "properties",
                        type.properties().size()));
        return repository.find(code).orElseThrow();
    }

    public List<DeviceTypeComponentClass> componentClasses(Actor actor) {
        actor.require(Permission.DEVICE_READ);
        return repository.classes();
    }

    /** Replaces the component-class table with a deployment's own (CSV: code, parent, name_zh, name_en). */
    @Transactional
    public List<DeviceTypeComponentClass> replaceComponentClasses(Actor actor, InputStream csv) {
        actor.require(Permission.DEVICE_WRITE);
        List<DeviceTypeComponentClass> classes;
        try {
            classes = DeviceTypeCatalogue.readClasses(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> codes = classes.stream().map(DeviceTypeComponentClass::code).collect(Collectors.toSet());
        List<String> orphaned = repository.classesInUse().stream()
                .filter(c -> !codes.contains(c))
                .sorted()
                .toList();
        if (!orphaned.isEmpty()) {
            throw new ComponentClassesRefused("still used by device types: " + String.join(", ", orphaned));
        }
        repository.replaceClasses(classes);
        audit.record(
                actor, "iot.component-classes.replace", "iot.component-class", "*", Map.of("count", classes.size()));
        return repository.classes();
    }

    private DeviceTypeRules rules() {
        return new DeviceTypeRules(repository.classes().stream()
                .map(DeviceTypeComponentClass::code)
                .collect(Collectors.toSet()));
    }

    /** Adds seeded classes and types whose codes are not stored yet. */
    @Transactional
    public int seed() {
        repository.addClasses(DeviceTypeCatalogue.classes());
        DeviceTypeRules rules = rules();
        Set<String> stored = new HashSet<>();
        repository.all().forEach(t -> stored.add(t.code()));
        int added = 0;
        for (DeviceTypeDraft draft : DeviceTypeCatalogue.types()) {
            if (!stored.contains(draft.code()) && repository.insert(rules.check(draft, true, 0), clock.instant())) {
                added++;
            }
        }
        return added;
    }

    @Override
    public void start() {
        int added = seed();
        if (added > 0) {
            log.info("Seeded {} device types", added);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
