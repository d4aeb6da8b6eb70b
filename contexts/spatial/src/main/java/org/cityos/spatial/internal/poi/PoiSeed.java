package org.cityos.spatial.internal.poi;

import java.util.List;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Places;
import org.cityos.spatial.PoiDraft;
import org.cityos.spatial.PoiProperties;
import org.cityos.spatial.Pois;
import org.cityos.spatial.SpatialProperties;
import org.cityos.spatial.SyntheticPois;
import org.cityos.spatial.persistence.PoiRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After the partition exists, fills an empty POI table with SYNTHETIC demo POIs (none when the count
 * is 0). Run by the gazetteer seeding, beside it on another thread, so the first start stays short.
 */
@Component
public class PoiSeed {
    private static final Logger log = LoggerFactory.getLogger(PoiSeed.class);

    private final Pois pois;
    private final PoiRepository repository;
    private final PoiProperties properties;
    private final SpatialProperties spatial;
    private final Places places;

    public PoiSeed(
            Pois pois, PoiRepository repository, PoiProperties properties, SpatialProperties spatial, Places places) {
        this.pois = pois;
        this.repository = repository;
        this.properties = properties;
        this.spatial = spatial;
        this.places = places;
    }

    public void seed() {
        if (properties.syntheticCount() <= 0
                || places.indexedBoundaries() == 0
                || repository.fingerprint().count() > 0) {
            return;
        }
        String outline = spatial.districtOutline().replaceFirst("^classpath:", "");
        List<PoiDraft> drafts = SyntheticPois.generate(
                properties.syntheticSeed(), properties.syntheticCount(), SyntheticPois.outline(outline));
        int placed = pois.placeAll(Actor.system("seed"), drafts, "synthetic", true);
        log.info("Seeded {} SYNTHETIC POIs (seed {})", placed, properties.syntheticSeed());
    }
}
