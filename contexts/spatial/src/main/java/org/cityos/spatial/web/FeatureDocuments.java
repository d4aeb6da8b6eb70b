package org.cityos.spatial.web;

import java.util.List;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.internal.layers.GeoJsonGeometry;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** GeoJSON documents (RFC 7946) of layer features, shared by the CityOS API and the OGC API. */
final class FeatureDocuments {
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final JsonMapper json;

    FeatureDocuments(JsonMapper json) {
        this.json = json;
    }

    ObjectNode feature(LayerFeature f, Crs crs) {
        ObjectNode node = json.createObjectNode();
        node.put("type", "Feature");
        node.put("id", f.id());
        node.set("geometry", GeoJsonGeometry.write(f.geometry(), crs));
        node.set("properties", json.valueToTree(f.properties()));
        return node;
    }

    /** A FeatureCollection with the OGC paging members, to which the caller may add links. */
    ObjectNode collection(List<LayerFeature> features, long numberMatched, Crs crs) {
        ObjectNode node = json.createObjectNode();
        node.put("type", "FeatureCollection");
        ArrayNode items = node.putArray("features");
        for (LayerFeature f : features) {
            items.add(feature(f, crs));
        }
        node.put("numberMatched", numberMatched);
        node.put("numberReturned", features.size());
        return node;
    }

    static Crs crs(String name) {
        return Crs.parse(name).orElseThrow(() -> InvalidInput.of("crs", "problem.layer.unknown-crs", name));
    }
}
