package org.cityos.spatial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement.PlacedDivision;
import org.cityos.spatial.internal.PlaceIndex;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Point → place: which district, town, community and grid contain a WGS84 point, answered from an
 * in-memory index of the stored boundaries. The index is rebuilt after boundaries change on this node
 * at once, and on every node when a periodic check sees the stored boundaries change.
 */
@Service
public class Places implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Places.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private final DivisionGeometryRepository geometries;
    private final DivisionRepository divisions;
    private final AtomicReference<PlaceIndex> index = new AtomicReference<>(PlaceIndex.empty());
    private volatile String builtFrom = "";
    private ScheduledExecutorService checker;

    public Places(DivisionGeometryRepository geometries, DivisionRepository divisions) {
        this.geometries = geometries;
        this.divisions = divisions;
    }

    /** The divisions containing a WGS84 point; outside the district is an answer, not an error. */
    public Placement locate(GeoPoint wgs84) {
        return index.get().locate(wgs84);
    }

    public Optional<Geometry> boundary(DivisionCode code) {
        return geometries.find(code).map(DivisionGeometryRepository.Stored::geometry);
    }

    public int indexedBoundaries() {
        return index.get().size();
    }

    /** Reloads every boundary and swaps the new index in; readers never see a half-built one. */
    public synchronized void rebuild() {
        List<DivisionGeometryRepository.Stored> stored = geometries.all();
        Map<DivisionCode, Division> byCode =
                divisions
                        .findAll(stored.stream()
                                .map(DivisionGeometryRepository.Stored::code)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Division::code, Function.identity()));
        List<PlaceIndex.Entry> entries = new ArrayList<>();
        for (DivisionGeometryRepository.Stored s : stored) {
            Division d = byCode.get(s.code());
            if (d != null) {
                entries.add(new PlaceIndex.Entry(
                        new PlacedDivision(d.code(), d.name(), d.kind(), s.synthetic() || d.synthetic()),
                        s.geometry()));
            }
        }
        index.set(new PlaceIndex(entries));
        builtFrom = geometries.fingerprint();
        log.info("Place index built over {} boundaries", entries.size());
    }

    private void rebuildIfChanged() {
        try {
            if (!geometries.fingerprint().equals(builtFrom)) {
                rebuild();
            }
        } catch (RuntimeException e) {
            log.warn("Place index check failed; keeping the current index", e);
        }
    }

    @Override
    public void start() {
        rebuild();
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cityos-place-index");
            t.setDaemon(true);
            return t;
        });
        checker.scheduleWithFixedDelay(
                this::rebuildIfChanged, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }
}
