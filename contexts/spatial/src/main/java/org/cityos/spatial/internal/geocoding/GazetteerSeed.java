package org.cityos.spatial.internal.geocoding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Gazetteer;
import org.cityos.spatial.GazetteerProperties;
import org.cityos.spatial.GazetteerReport;
import org.cityos.spatial.LayerAccess;
import org.cityos.spatial.LayerDefinition;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.LayerGeometryType;
import org.cityos.spatial.LayerId;
import org.cityos.spatial.LayerUpdateFrequency;
import org.cityos.spatial.Layers;
import org.cityos.spatial.Places;
import org.cityos.spatial.internal.poi.PoiSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the partition exists: fills an empty gazetteer with the synthetic roads and addresses (when
 * enabled), then loads the geocoder's in-memory index from the tables, so geocoding works from the
 * first request on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 16)
public class GazetteerSeed implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(GazetteerSeed.class);

    static final LayerId ROADS = new LayerId("roads");

    private final Gazetteer gazetteer;
    private final GazetteerProperties properties;
    private final Places places;
    private final Layers layers;
    private final PoiSeed pois;

    public GazetteerSeed(
            Gazetteer gazetteer, GazetteerProperties properties, Places places, Layers layers, PoiSeed pois) {
        this.gazetteer = gazetteer;
        this.properties = properties;
        this.places = places;
        this.layers = layers;
        this.pois = pois;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Demo POIs need only the partition, like the gazetteer: seed both at once, finish before readiness.
        CompletableFuture<Void> poiSeeding = CompletableFuture.runAsync(pois::seed, r -> {
            Thread t = new Thread(r, "cityos-poi-seed");
            t.setDaemon(true);
            t.start();
        });
        try {
            seedGazetteer();
        } finally {
            poiSeeding.join();
        }
    }

    private void seedGazetteer() {
        if (properties.enabled() && gazetteer.isEmpty() && places.indexedBoundaries() > 0) {
            long started = System.nanoTime();
            GazetteerReport report = gazetteer.seed(properties.seed(), properties.addresses(), places::locate);
            log.info("Seeded the SYNTHETIC gazetteer: {} in {} ms", report, (System.nanoTime() - started) / 1_000_000);
            publishRoads();
        }
        log.info("Geocoder index holds {} addresses", gazetteer.reload());
    }

    /** The road network is one thematic layer that the basemap, addresses and later bus routes all draw on. */
    private void publishRoads() {
        Actor seeder = Actor.system("seed");
        if (layers.find(ROADS).isEmpty()) {
            layers.register(
                    seeder,
                    new LayerDefinition(
                            ROADS,
                            "道路网（合成）",
                            "Road network (synthetic)",
                            "Synthetic demo road network; addresses, street lights and bus routes lie on it.",
                            DepartmentCode.of("transport"),
                            LayerGeometryType.LINE,
                            Map.of("color", "#8a9bb0", "width", 2),
                            LayerUpdateFrequency.YEARLY,
                            LayerAccess.INTERNAL,
                            Set.of(),
                            true));
        }
        List<LayerFeature> features = gazetteer.roads().stream()
                .map(r -> new LayerFeature(
                        String.valueOf(r.id()),
                        r.geometry(),
                        Map.of("name", r.name(), "class", r.roadClass().name(), "synthetic", r.synthetic()),
                        null))
                .toList();
        layers.replaceFeatures(seeder, ROADS, features);
    }
}
