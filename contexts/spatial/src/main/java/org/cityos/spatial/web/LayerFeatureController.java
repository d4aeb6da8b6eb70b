package org.cityos.spatial.web;

import static org.cityos.spatial.web.LayerController.layerId;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.FeatureBox;
import org.cityos.spatial.FeaturePage;
import org.cityos.spatial.FeatureQuery;
import org.cityos.spatial.LayerClusters;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.LayerId;
import org.cityos.spatial.LayerQueries;
import org.cityos.spatial.Layers;
import org.cityos.spatial.internal.layers.FeatureCrs;
import org.cityos.spatial.internal.layers.FeatureParameters;
import org.cityos.spatial.internal.layers.GeoJsonFeatures;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A layer's features over HTTP as GeoJSON: read by box, time and page; bulk replace or append from a
 * FeatureCollection (body, or a file for large ones); one feature at a time; clusters for maps.
 */
@RestController
@RequestMapping("/api/layers/{id}")
public class LayerFeatureController {
    private static final String GEO_JSON = "application/geo+json";
    /** A map asks for the features of its viewport; larger exports go through paging. */
    private static final int DEFAULT_LIMIT = 1000;

    private final Layers layers;
    private final LayerQueries queries;
    private final JsonMapper json;
    private final FeatureDocuments documents;

    public LayerFeatureController(Layers layers, LayerQueries queries, JsonMapper json) {
        this.layers = layers;
        this.queries = queries;
        this.json = json;
        this.documents = new FeatureDocuments(json);
    }

    @GetMapping("/features")
    public ResponseEntity<ObjectNode> features(
            Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String datetime,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset,
            @RequestParam(required = false) String crs) {
        Crs outCrs = FeatureDocuments.crs(crs);
        FeatureBox box = FeatureParameters.bbox(bbox);
        FeatureQuery query = new FeatureQuery(
                box == null ? null : box.toWgs84(outCrs),
                FeatureParameters.datetime(datetime),
                FeatureParameters.offset(offset),
                FeatureParameters.limit(limit, DEFAULT_LIMIT));
        FeaturePage page = queries.features(actor, layerId(id), query);
        return geoJson(documents.collection(page.features(), page.numberMatched(), outCrs));
    }

    @GetMapping("/features/{featureId}")
    public ResponseEntity<ObjectNode> feature(
            Actor actor,
            @PathVariable String id,
            @PathVariable String featureId,
            @RequestParam(required = false) String crs) {
        Crs outCrs = FeatureDocuments.crs(crs);
        return geoJson(documents.feature(queries.feature(actor, layerId(id), featureId), outCrs));
    }

    @PutMapping(
            path = "/features",
            consumes = {MediaType.APPLICATION_JSON_VALUE, GEO_JSON},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public LayerView.ImportView replace(
            Actor actor,
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestParam(required = false) String crs) {
        return LayerView.ImportView.of(layers.replaceFeatures(actor, layerId(id), read(body, crs)));
    }

    @PostMapping(
            path = "/features",
            consumes = {MediaType.APPLICATION_JSON_VALUE, GEO_JSON},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public LayerView.ImportView append(
            Actor actor,
            @PathVariable String id,
            @RequestBody JsonNode body,
            @RequestParam(required = false) String crs) {
        return LayerView.ImportView.of(layers.appendFeatures(actor, layerId(id), read(body, crs)));
    }

    /** A FeatureCollection file larger than a JSON body may be; {@code mode} is replace or append. */
    @PostMapping(
            path = "/features/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public LayerView.ImportView importFile(
            Actor actor,
            @PathVariable String id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "replace") String mode,
            @RequestParam(required = false) String crs)
            throws IOException {
        if (!mode.equals("replace") && !mode.equals("append")) {
            throw InvalidInput.of("mode", "problem.layer.unknown-option", mode, List.of("replace", "append"));
        }
        JsonNode body;
        try (InputStream in = file.getInputStream()) {
            body = json.readTree(in);
        } catch (JacksonException e) {
            throw InvalidInput.of("file", "layer.geojson.not-json");
        }
        List<LayerFeature> features = read(body, crs);
        LayerId layer = layerId(id);
        return LayerView.ImportView.of(
                mode.equals("replace")
                        ? layers.replaceFeatures(actor, layer, features)
                        : layers.appendFeatures(actor, layer, features));
    }

    @PutMapping(
            path = "/features/{featureId}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, GEO_JSON})
    public ResponseEntity<ObjectNode> put(
            Actor actor,
            @PathVariable String id,
            @PathVariable String featureId,
            @RequestBody JsonNode body,
            @RequestParam(required = false) String crs) {
        Crs inCrs = FeatureDocuments.crs(crs);
        if (!"Feature".equals(body.path("type").asString(""))) {
            throw InvalidInput.of("body", "layer.geojson.not-a-feature");
        }
        LayerFeature feature = FeatureCrs.toWgs84(
                        GeoJsonFeatures.read(body, json).get(0), inCrs)
                .withId(featureId);
        return geoJson(documents.feature(layers.putFeature(actor, layerId(id), feature), inCrs));
    }

    @DeleteMapping("/features/{featureId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(Actor actor, @PathVariable String id, @PathVariable String featureId) {
        layers.removeFeature(actor, layerId(id), featureId);
    }

    /** Grid clusters of the layer in a box, or its features when zoomed in; box and output in {@code crs}. */
    @GetMapping(path = "/clusters", produces = MediaType.APPLICATION_JSON_VALUE)
    public ClusterView clusters(
            Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String bbox,
            @RequestParam int zoom,
            @RequestParam(required = false) String crs) {
        Crs outCrs = FeatureDocuments.crs(crs);
        FeatureBox box = FeatureParameters.bbox(bbox);
        LayerClusters clusters = queries.clusters(actor, layerId(id), box == null ? null : box.toWgs84(outCrs), zoom);
        return ClusterView.of(clusters, outCrs, documents);
    }

    private List<LayerFeature> read(JsonNode body, String crs) {
        return FeatureCrs.toWgs84(GeoJsonFeatures.read(body, json), FeatureDocuments.crs(crs));
    }

    private static ResponseEntity<ObjectNode> geoJson(ObjectNode body) {
        return ResponseEntity.ok().contentType(FeatureDocuments.GEO_JSON).body(body);
    }
}
