package org.cityos.iot;

import java.util.List;
import org.cityos.iot.persistence.ConnectivityRepository;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.springframework.stereotype.Service;

/**
 * "Which devices are alive?" — the seed's first complaint: per type how many installed devices are online,
 * offline, or have never been heard from since installation, and which ones, in the caller's scope.
 */
@Service
public class Connectivity {
    private final ConnectivityRepository repository;

    public Connectivity(ConnectivityRepository repository) {
        this.repository = repository;
    }

    public List<HealthCount> counts(Actor actor, DeviceFilter filter) {
        actor.require(Permission.DEVICE_READ);
        return repository.counts(filter, DeviceScope.of(actor));
    }

    public Page<DeviceConnectivity> devices(
            Actor actor, DeviceFilter filter, DeviceConnectivity.Health health, PageRequest page) {
        actor.require(Permission.DEVICE_READ);
        return repository.list(filter, DeviceScope.of(actor), health, page);
    }
}
