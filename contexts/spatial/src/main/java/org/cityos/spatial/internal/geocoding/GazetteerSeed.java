package org.cityos.spatial.internal.geocoding;

import org.cityos.spatial.Gazetteer;
import org.cityos.spatial.GazetteerProperties;
import org.cityos.spatial.GazetteerReport;
import org.cityos.spatial.Places;
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

    private final Gazetteer gazetteer;
    private final GazetteerProperties properties;
    private final Places places;

    public GazetteerSeed(Gazetteer gazetteer, GazetteerProperties properties, Places places) {
        this.gazetteer = gazetteer;
        this.properties = properties;
        this.places = places;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled() && gazetteer.isEmpty() && places.indexedBoundaries() > 0) {
            long started = System.nanoTime();
            GazetteerReport report = gazetteer.seed(properties.seed(), properties.addresses(), places::locate);
            log.info("Seeded the SYNTHETIC gazetteer: {} in {} ms", report, (System.nanoTime() - started) / 1_000_000);
        }
        log.info("Geocoder index holds {} addresses", gazetteer.reload());
    }
}
