package org.cityos.spatial.web;

import static org.cityos.spatial.web.LayerController.layerId;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cityos.http.ProblemWriter;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.FeaturePage;
import org.cityos.spatial.FeatureQuery;
import org.cityos.spatial.Layer;
import org.cityos.spatial.LayerExtent;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.LayerQueries;
import org.cityos.spatial.Layers;
import org.cityos.spatial.internal.layers.FeatureParameters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The thematic layers as OGC API – Features – Part 1 (core, GeoJSON, OpenAPI 3.0), so that GIS
 * clients (QGIS, ArcGIS, GDAL) read them directly. Collections are the layers the caller may read;
 * coordinates are CRS84 (WGS84 longitude, latitude).
 */
@RestController
@RequestMapping("/ogc")
public class OgcController {
    private static final Set<String> ITEM_PARAMETERS = Set.of("bbox", "datetime", "limit", "offset", "f");

    private final Layers layers;
    private final LayerQueries queries;
    private final JsonMapper json;
    private final FeatureDocuments documents;
    private final Clock clock;

    public OgcController(Layers layers, LayerQueries queries, JsonMapper json, Clock clock) {
        this.layers = layers;
        this.queries = queries;
        this.json = json;
        this.documents = new FeatureDocuments(json);
        this.clock = clock;
    }

    @GetMapping({"", "/"})
    public ResponseEntity<ObjectNode> landing(Actor actor, HttpServletRequest request) {
        boolean en = english(request);
        ObjectNode body = json.createObjectNode();
        body.put("title", en ? "CityOS thematic layers" : "CityOS 专题图层");
        body.put("description", en ? "Thematic layers as OGC API – Features" : "以 OGC API – Features 提供的专题图层");
        body.set(
                "links",
                new OgcLinks(json)
                        .add(OgcLinks.href("ogc"), "self", OgcLinks.JSON, en ? "This document" : "本文档")
                        .add(OgcLinks.href("v3", "api-docs"), "service-desc", OgcLinks.OPENAPI, "OpenAPI 3.0")
                        .add(OgcLinks.href("swagger-ui.html"), "service-doc", "text/html", "API documentation")
                        .add(OgcLinks.href("ogc", "conformance"), "conformance", OgcLinks.JSON, "Conformance")
                        .add(OgcLinks.href("ogc", "collections"), "data", OgcLinks.JSON, "Collections")
                        .array());
        return json(body);
    }

    @GetMapping("/conformance")
    public ResponseEntity<ObjectNode> conformance(Actor actor) {
        ObjectNode body = json.createObjectNode();
        ArrayNode classes = body.putArray("conformsTo");
        OgcLinks.conformance().forEach(classes::add);
        return json(body);
    }

    @GetMapping("/collections")
    public ResponseEntity<ObjectNode> collections(Actor actor, HttpServletRequest request) {
        boolean en = english(request);
        ObjectNode body = json.createObjectNode();
        body.set(
                "links",
                new OgcLinks(json)
                        .add(OgcLinks.href("ogc", "collections"), "self", OgcLinks.JSON, null)
                        .array());
        ArrayNode items = body.putArray("collections");
        for (Layer layer : layers.readable(actor)) {
            items.add(collection(layer, en));
        }
        return json(body);
    }

    @GetMapping("/collections/{collectionId}")
    public ResponseEntity<ObjectNode> collection(
            Actor actor, @PathVariable String collectionId, HttpServletRequest request) {
        return json(collection(layers.get(actor, layerId(collectionId)), english(request)));
    }

    @GetMapping("/collections/{collectionId}/items")
    public ResponseEntity<ObjectNode> items(
            Actor actor, @PathVariable String collectionId, HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (!ITEM_PARAMETERS.contains(name)) {
                throw InvalidInput.of(name, "problem.layer.unknown-parameter", name);
            }
        }
        format(request.getParameter("f"));
        FeatureQuery query = new FeatureQuery(
                FeatureParameters.bbox(request.getParameter("bbox")),
                FeatureParameters.datetime(request.getParameter("datetime")),
                FeatureParameters.offset(request.getParameter("offset")),
                FeatureParameters.limit(request.getParameter("limit"), FeatureQuery.DEFAULT_LIMIT));
        Layer layer = layers.get(actor, layerId(collectionId));
        FeaturePage page = queries.features(actor, layer.id(), query);
        ObjectNode body = documents.collection(page.features(), page.numberMatched(), Crs.WGS84);
        for (var f : body.withArray("features")) {
            ((ObjectNode) f)
                    .set("links", itemLinks(layer, ((ObjectNode) f).get("id").asString()));
        }
        body.put("timeStamp", clock.instant().toString());
        OgcLinks links = new OgcLinks(json)
                .add(OgcLinks.current(Map.of()), "self", OgcLinks.GEO_JSON, "This page")
                .add(OgcLinks.href("ogc", "collections", layer.id().value()), "collection", OgcLinks.JSON, null);
        if (page.hasNext()) {
            links.add(
                    OgcLinks.current(paging(query.offset() + query.limit(), query.limit())),
                    "next",
                    OgcLinks.GEO_JSON,
                    "Next page");
        }
        if (query.offset() > 0) {
            int prev = Math.max(0, query.offset() - query.limit());
            links.add(OgcLinks.current(paging(prev, query.limit())), "prev", OgcLinks.GEO_JSON, "Previous page");
        }
        body.set("links", links.array());
        return geoJson(body);
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    public ResponseEntity<ObjectNode> item(
            Actor actor, @PathVariable String collectionId, @PathVariable String featureId) {
        Layer layer = layers.get(actor, layerId(collectionId));
        LayerFeature feature = queries.feature(actor, layer.id(), featureId);
        ObjectNode body = documents.feature(feature, Crs.WGS84);
        body.set("links", itemLinks(layer, feature.id()));
        return geoJson(body);
    }

    private ObjectNode collection(Layer layer, boolean en) {
        String id = layer.id().value();
        ObjectNode c = json.createObjectNode();
        c.put("id", id);
        c.put("title", layer.title(en));
        c.put("description", layer.definition().description());
        c.set(
                "links",
                new OgcLinks(json)
                        .add(OgcLinks.href("ogc", "collections", id), "self", OgcLinks.JSON, layer.title(en))
                        .add(
                                OgcLinks.href("ogc", "collections", id, "items"),
                                "items",
                                OgcLinks.GEO_JSON,
                                layer.title(en))
                        .array());
        LayerExtent extent = layer.extent();
        if (extent.bbox() != null || extent.earliest() != null) {
            ObjectNode e = c.putObject("extent");
            if (extent.bbox() != null) {
                ObjectNode spatial = e.putObject("spatial");
                ArrayNode box = spatial.putArray("bbox").addArray();
                for (double v : extent.bbox().toArray()) {
                    box.add(v);
                }
                spatial.put("crs", OgcLinks.CRS84);
            }
            if (extent.earliest() != null) {
                ObjectNode temporal = e.putObject("temporal");
                temporal.putArray("interval")
                        .addArray()
                        .add(extent.earliest().toString())
                        .add(extent.latest().toString());
                temporal.put("trs", OgcLinks.GREGORIAN);
            }
        }
        c.put("itemType", "feature");
        c.putArray("crs").add(OgcLinks.CRS84);
        return c;
    }

    private ArrayNode itemLinks(Layer layer, String featureId) {
        String id = layer.id().value();
        return new OgcLinks(json)
                .add(OgcLinks.href("ogc", "collections", id, "items", featureId), "self", OgcLinks.GEO_JSON, null)
                .add(OgcLinks.href("ogc", "collections", id), "collection", OgcLinks.JSON, layer.title(false))
                .array();
    }

    private static Map<String, Object> paging(int offset, int limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offset", offset);
        m.put("limit", limit);
        return m;
    }

    private static void format(String f) {
        if (f != null && !Set.of("json", "geojson").contains(f.strip().toLowerCase(Locale.ROOT))) {
            throw InvalidInput.of("f", "problem.layer.unknown-option", f, "json, geojson");
        }
    }

    private static boolean english(HttpServletRequest request) {
        return ProblemWriter.localeOf(request).getLanguage().equals("en");
    }

    private static ResponseEntity<ObjectNode> json(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<ObjectNode> geoJson(ObjectNode body) {
        return ResponseEntity.ok().contentType(FeatureDocuments.GEO_JSON).body(body);
    }
}
