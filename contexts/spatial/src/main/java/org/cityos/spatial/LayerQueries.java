package org.cityos.spatial;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.LayerProblems.UnknownFeature;
import org.cityos.spatial.LayerProblems.UnknownLayer;
import org.cityos.spatial.internal.layers.ClusterGrid;
import org.cityos.spatial.internal.layers.LayerAccessRule;
import org.cityos.spatial.internal.layers.LayerPointCache;
import org.cityos.spatial.internal.layers.LayerPoints;
import org.cityos.spatial.persistence.LayerFeatureRepository;
import org.cityos.spatial.persistence.LayerRepository;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.stereotype.Service;

/**
 * Reading layers' features: pages filtered by box and time (the OGC API – Features semantics) and
 * clusters for drawing a whole district's points at once. Every read checks the layer's access level.
 */
@Service
public class LayerQueries {
    /** From this zoom on, a map gets the features themselves if there are few enough. */
    public static final int INDIVIDUAL_FROM_ZOOM = 16;

    public static final int MAX_INDIVIDUAL = 5_000;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final LayerRepository layers;
    private final LayerFeatureRepository features;
    private final LayerPointCache points;

    public LayerQueries(LayerRepository layers, LayerFeatureRepository features, LayerPointCache points) {
        this.layers = layers;
        this.features = features;
        this.points = points;
    }

    /**
     * Features whose geometry intersects the box (exactly, not just by bounding box) and whose time
     * matches, in insertion order, with the number matched in all.
     */
    public FeaturePage features(Actor actor, LayerId id, FeatureQuery query) {
        Layer layer = readable(actor, id);
        Set<String> misses = falseBoxHits(layer, query);
        long matched = features.count(id, query.bbox(), query.datetime(), misses);
        List<LayerFeature> page = query.offset() >= matched
                ? List.of()
                : features.page(id, query.bbox(), query.datetime(), misses, query.offset(), query.limit());
        return new FeaturePage(page, matched, query.offset(), query.limit());
    }

    public LayerFeature feature(Actor actor, LayerId id, String featureId) {
        readable(actor, id);
        return features.find(id, featureId).orElseThrow(() -> new UnknownFeature(id, featureId));
    }

    /**
     * The layer's features in {@code bbox} (WGS84; null = everywhere) grouped by the grid of
     * {@code zoom}, or the features themselves from {@value #INDIVIDUAL_FROM_ZOOM} on when at most
     * {@value #MAX_INDIVIDUAL} remain. A feature counts where its representative point lies (the
     * point, or the centre of its bounding box), so the cluster counts add up to {@code total}.
     */
    public LayerClusters clusters(Actor actor, LayerId id, FeatureBox bbox, int zoom) {
        ClusterGrid grid = ClusterGrid.at(zoom);
        Layer layer = readable(actor, id);
        FeatureBox box = bbox == null ? FeatureBox.WORLD : bbox;
        long version = layer.extent().featuresVersion();
        LayerPoints snapshot = points.points(id, layer.createdAt(), version, () -> features.points(id, version));
        long total = snapshot.count(box);
        if (zoom >= INDIVIDUAL_FROM_ZOOM && total <= MAX_INDIVIDUAL) {
            List<String> ids = snapshot.ids(box);
            return new LayerClusters(zoom, true, total, List.of(), features.findAll(id, ids));
        }
        return new LayerClusters(zoom, false, total, snapshot.clusters(box, grid), List.of());
    }

    private Layer readable(Actor actor, LayerId id) {
        Layer layer = layers.find(id).orElseThrow(() -> new UnknownLayer(id));
        LayerAccessRule.requireRead(actor, layer.definition());
        return layer;
    }

    /** Ids of lines and polygons whose bounding box meets the query box while they themselves do not. */
    private Set<String> falseBoxHits(Layer layer, FeatureQuery query) {
        Set<String> misses = new HashSet<>();
        if (query.bbox() == null || layer.definition().geometryType() == LayerGeometryType.POINT) {
            return misses;
        }
        Geometry box = FACTORY.toGeometry(query.bbox().envelope());
        for (LayerFeature f : features.straddling(layer.id(), query.bbox(), query.datetime())) {
            if (!f.geometry().intersects(box)) {
                misses.add(f.id());
            }
        }
        return misses;
    }
}
