package org.cityos.spatial.web;

import java.util.List;
import org.cityos.spatial.Crs;
import org.cityos.spatial.DivisionBoundaries.Bounded;
import org.cityos.spatial.internal.GeometryCrs;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes boundaries as GeoJSON features whose properties say what the division is and whether the shape is synthetic. */
final class BoundaryGeoJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BoundaryGeoJson() {}

    static String feature(Bounded b, Crs crs) {
        return node(b, crs).toString();
    }

    static String collection(List<Bounded> all, Crs crs) {
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        all.forEach(b -> features.add(node(b, crs)));
        fc.put("crs", crs.name());
        return fc.toString();
    }

    private static ObjectNode node(Bounded b, Crs crs) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.put("id", b.division().code().value());
        if (b.boundary() == null) {
            f.putNull("geometry");
        } else {
            GeoJsonWriter writer = new GeoJsonWriter(7);
            writer.setEncodeCRS(false);
            f.set("geometry", JSON.readTree(writer.write(GeometryCrs.fromWgs84(b.boundary(), crs))));
        }
        ObjectNode p = f.putObject("properties");
        p.put("code", b.division().code().value());
        p.put("name", b.division().name());
        p.put("level", b.division().level().name());
        p.put("kind", b.division().kind().name());
        p.put("kindLabel", b.division().kind().label());
        p.put("synthetic", b.division().synthetic() || b.syntheticBoundary());
        p.put("areaM2", Math.round(b.areaM2()));
        p.put("crs", crs.name());
        return f;
    }
}
