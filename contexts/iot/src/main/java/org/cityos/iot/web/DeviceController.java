package org.cityos.iot.web;

import java.util.Comparator;
import java.util.List;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceBox;
import org.cityos.iot.DeviceClusters;
import org.cityos.iot.DeviceFilter;
import org.cityos.iot.Devices;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The device registry over HTTP: list with filters, register, read, change, lifecycle transitions. */
@RestController
@RequestMapping(path = "/api/devices", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeviceController {
    private final Devices devices;

    public DeviceController(Devices devices) {
        this.devices = devices;
    }

    @GetMapping
    public Page<DeviceView> list(
            Actor actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Crs shown = DeviceParams.crs(crs);
        DeviceFilter filter = new DeviceFilter(
                DeviceParams.text(type),
                DeviceParams.state("state", state),
                DeviceParams.division(division),
                DeviceParams.department("department", department),
                DeviceParams.text(tag),
                DeviceParams.text(q));
        return devices.list(actor, filter, PageRequest.of(offset, limit)).map(d -> DeviceView.of(d, shown));
    }

    /**
     * The devices in a map's box gathered into cells for the map's zoom (see {@link DeviceClusters}), with the same
     * filters as the list; coordinates in WGS 84.
     *
     * @param bbox {@code west,south,east,north}
     */
    @GetMapping("/clusters")
    public DeviceClusters clusters(
            Actor actor,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String zoom,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String department) {
        DeviceFilter filter = new DeviceFilter(
                DeviceParams.text(type),
                DeviceParams.state("state", state),
                DeviceParams.division(division),
                DeviceParams.department("department", department),
                null,
                null);
        int z = DeviceParams.zoom(zoom);
        DeviceBox box = DeviceParams.box(bbox);
        try {
            return devices.clusters(actor, filter, box, z);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("bbox", "problem.box-too-large", z);
        }
    }

    /** Registers a device; a same-type device within a few metres is refused unless {@code allowNearDuplicate}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public DeviceView register(
            Actor actor,
            @RequestBody DeviceRequest request,
            @RequestParam(defaultValue = "false") boolean allowNearDuplicate) {
        return DeviceView.of(devices.register(actor, request.draft(), allowNearDuplicate), request.shownIn());
    }

    @GetMapping("/{id}")
    public DeviceView get(Actor actor, @PathVariable String id, @RequestParam(required = false) String crs) {
        return DeviceView.of(devices.get(actor, DeviceParams.id(id)), DeviceParams.crs(crs));
    }

    /** The devices reporting through this gateway (none for other devices), by name, at most {@code limit}. */
    @GetMapping("/{id}/children")
    public List<DeviceView> children(
            Actor actor, @PathVariable String id, @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw InvalidInput.of("limit", "validation.range", 1, PageRequest.MAX_LIMIT);
        }
        return devices.children(actor, DeviceParams.id(id)).stream()
                .sorted(Comparator.comparing(Device::name).thenComparing(d -> d.id().value()))
                .limit(limit)
                .map(d -> DeviceView.of(d, Crs.WGS84))
                .toList();
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DeviceView change(
            Actor actor,
            @PathVariable String id,
            @RequestBody DeviceRequest request,
            @RequestParam(defaultValue = "false") boolean allowNearDuplicate) {
        if (request.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        return DeviceView.of(
                devices.change(actor, DeviceParams.id(id), request.version(), request.draft(), allowNearDuplicate),
                request.shownIn());
    }

    /** A lifecycle move: {@code {"to": "ACTIVE", "reason": "..."}}; an illegal one answers 409. */
    @PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DeviceView transition(Actor actor, @PathVariable String id, @RequestBody TransitionRequest request) {
        var to = DeviceParams.state("to", request.to());
        if (to == null) {
            throw InvalidInput.of("to", "validation.required");
        }
        return DeviceView.of(devices.transition(actor, DeviceParams.id(id), to, request.reason()), Crs.WGS84);
    }

    /** The body of a lifecycle move. */
    public record TransitionRequest(String to, String reason) {}
}
