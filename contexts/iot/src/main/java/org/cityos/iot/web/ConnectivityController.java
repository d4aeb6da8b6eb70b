package org.cityos.iot.web;

import java.util.List;
import java.util.Locale;
import org.cityos.iot.Connectivity;
import org.cityos.iot.DeviceConnectivity;
import org.cityos.iot.DeviceFilter;
import org.cityos.iot.HealthCount;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Installed devices' connectivity: counts per type, and lists of online, offline or never-heard-from devices. */
@RestController
@RequestMapping(path = "/api/iot/connectivity", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConnectivityController {
    private final Connectivity connectivity;

    public ConnectivityController(Connectivity connectivity) {
        this.connectivity = connectivity;
    }

    @GetMapping
    public List<HealthCount> counts(
            Actor actor, @RequestParam(required = false) String type, @RequestParam(required = false) String division) {
        return connectivity.counts(actor, filter(type, division));
    }

    @GetMapping("/devices")
    public Page<DeviceConnectivity> devices(
            Actor actor,
            @RequestParam String health,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        DeviceConnectivity.Health h;
        try {
            h = DeviceConnectivity.Health.valueOf(health.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("health", "validation.one-of", "ONLINE, OFFLINE, SILENT");
        }
        return connectivity.devices(actor, filter(type, division), h, PageRequest.of(offset, limit));
    }

    private static DeviceFilter filter(String type, String division) {
        return new DeviceFilter(DeviceParams.text(type), null, DeviceParams.division(division), null, null, null);
    }
}
