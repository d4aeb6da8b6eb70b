package org.cityos.spatial;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.LayerProblems.LayerChangedConcurrently;
import org.cityos.spatial.LayerProblems.LayerExists;
import org.cityos.spatial.LayerProblems.UnknownFeature;
import org.cityos.spatial.LayerProblems.UnknownLayer;
import org.cityos.spatial.internal.layers.FeatureChecks;
import org.cityos.spatial.internal.layers.LayerAccessRule;
import org.cityos.spatial.internal.layers.LayerPointCache;
import org.cityos.spatial.internal.layers.LayerRules;
import org.cityos.spatial.persistence.LayerFeatureRepository;
import org.cityos.spatial.persistence.LayerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thematic layer registry and the writes to layers' features. Departments publish their layers
 * here, and so do other parts of CityOS (road network, POIs) acting as {@link Actor#system}. Every
 * write needs DIVISION_WRITE and read access to the layer, is audited and published as an event.
 */
@Service
public class Layers {
    private final LayerRepository layers;
    private final LayerFeatureRepository features;
    private final LayerPointCache points;
    private final AuditTrail audit;
    private final EventBus events;
    private final JsonMapper json;
    private final Clock clock;

    public Layers(
            LayerRepository layers,
            LayerFeatureRepository features,
            LayerPointCache points,
            AuditTrail audit,
            EventBus events,
            JsonMapper json,
            Clock clock) {
        this.layers = layers;
        this.features = features;
        this.points = points;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A layer by id without an access check, for other contexts deciding whether to publish. */
    public Optional<Layer> find(LayerId id) {
        return layers.find(id);
    }

    public Layer get(Actor actor, LayerId id) {
        Layer layer = layers.find(id).orElseThrow(() -> new UnknownLayer(id));
        LayerAccessRule.requireRead(actor, layer.definition());
        return layer;
    }

    /** The layers the actor may read, by id. */
    public List<Layer> readable(Actor actor) {
        return layers.all().stream()
                .filter(l -> LayerAccessRule.canRead(actor, l.definition()))
                .toList();
    }

    public boolean canRead(Actor actor, Layer layer) {
        return LayerAccessRule.canRead(actor, layer.definition());
    }

    @Transactional
    public Layer register(Actor actor, LayerDefinition definition) {
        actor.require(Permission.DIVISION_WRITE);
        validate(definition);
        LayerAccessRule.requireWrite(actor, definition);
        if (layers.find(definition.id()).isPresent()) {
            throw new LayerExists(definition.id());
        }
        layers.insert(definition, clock.instant());
        audit.record(actor, "spatial.layer.register", "layer", definition.id().value(), summary(definition));
        events.publish(new LayerRegistered(
                definition.id().value(),
                definition.owner().value(),
                definition.access().name()));
        return layers.find(definition.id()).orElseThrow();
    }

    /** Replaces the definition if it is still at {@code expectedVersion}; the actor must keep access to it. */
    @Transactional
    public Layer update(Actor actor, LayerDefinition definition, int expectedVersion) {
        actor.require(Permission.DIVISION_WRITE);
        Layer current = layers.find(definition.id()).orElseThrow(() -> new UnknownLayer(definition.id()));
        LayerAccessRule.requireWrite(actor, current.definition());
        validate(definition);
        LayerAccessRule.requireWrite(actor, definition);
        LayerGeometryType was = current.definition().geometryType();
        if (current.extent().featureCount() > 0
                && definition.geometryType() != was
                && definition.geometryType() != LayerGeometryType.MIXED) {
            throw InvalidInput.of("geometryType", "problem.layer.geometry-type-fixed", was.name());
        }
        if (!layers.update(definition, expectedVersion, clock.instant())) {
            throw new LayerChangedConcurrently(definition.id(), expectedVersion);
        }
        audit.record(
                actor,
                "spatial.layer.update",
                "layer",
                definition.id().value(),
                Map.of("from", summary(current.definition()), "to", summary(definition)));
        events.publish(new LayerUpdated(definition.id().value(), expectedVersion + 1));
        return layers.find(definition.id()).orElseThrow();
    }

    @Transactional
    public void remove(Actor actor, LayerId id) {
        Layer current = layers.lock(id).orElseThrow(() -> new UnknownLayer(id));
        LayerAccessRule.requireWrite(actor, current.definition());
        layers.delete(id);
        points.forget(id);
        audit.record(
                actor,
                "spatial.layer.remove",
                "layer",
                id.value(),
                Map.of("featureCount", current.extent().featureCount()));
        events.publish(new LayerRemoved(id.value()));
    }

    /** Replaces all of a layer's features with these, all or nothing. */
    @Transactional
    public LayerImportReport replaceFeatures(Actor actor, LayerId id, List<LayerFeature> incoming) {
        return write(actor, id, incoming, true);
    }

    /** Adds these features to a layer; one whose id the layer holds already replaces it. */
    @Transactional
    public LayerImportReport appendFeatures(Actor actor, LayerId id, List<LayerFeature> incoming) {
        return write(actor, id, incoming, false);
    }

    /** Creates or replaces one feature; returns it as stored (repaired, with its id). */
    @Transactional
    public LayerFeature putFeature(Actor actor, LayerId id, LayerFeature feature) {
        if (feature.id() == null) {
            throw InvalidInput.of("id", "validation.required");
        }
        write(actor, id, List.of(feature), false);
        return features.find(id, feature.id()).orElseThrow();
    }

    @Transactional
    public void removeFeature(Actor actor, LayerId id, String featureId) {
        Layer layer = layers.lock(id).orElseThrow(() -> new UnknownLayer(id));
        LayerAccessRule.requireWrite(actor, layer.definition());
        if (!features.delete(id, featureId)) {
            throw new UnknownFeature(id, featureId);
        }
        layers.refreshExtent(id);
        Layer after = layers.find(id).orElseThrow();
        audit.record(actor, "spatial.layer.feature.remove", "layer", id.value(), Map.of("featureId", featureId));
        published(after, "REMOVED");
    }

    private LayerImportReport write(Actor actor, LayerId id, List<LayerFeature> incoming, boolean replace) {
        actor.require(Permission.DIVISION_WRITE);
        // The row lock queues concurrent writers of one layer, so counts and extents stay exact.
        Layer layer = layers.lock(id).orElseThrow(() -> new UnknownLayer(id));
        LayerAccessRule.requireWrite(actor, layer.definition());
        FeatureChecks.Checked checked = FeatureChecks.check(
                incoming,
                layer.definition().geometryType(),
                json,
                () -> UUID.randomUUID().toString());
        if (replace) {
            features.deleteAll(id);
        }
        features.upsert(id, checked.features());
        layers.refreshExtent(id);
        Layer after = layers.find(id).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("received", incoming.size());
        details.put("repaired", checked.repairs().size());
        details.put("featureCount", after.extent().featureCount());
        if (incoming.size() == 1) {
            details.put("featureId", checked.features().get(0).id());
        }
        String verb = replace ? "replace" : "append";
        audit.record(actor, "spatial.layer.features." + verb, "layer", id.value(), details);
        published(after, replace ? "REPLACED" : "APPENDED");
        return new LayerImportReport(incoming.size(), after.extent().featureCount(), checked.repairs());
    }

    private void published(Layer after, String change) {
        events.publish(new LayerFeaturesChanged(
                after.id().value(),
                change,
                after.extent().featureCount(),
                after.extent().featuresVersion()));
    }

    private void validate(LayerDefinition definition) {
        List<FieldIssue> issues = LayerRules.check(definition, json);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    private static Map<String, Object> summary(LayerDefinition d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("titleZh", d.titleZh());
        map.put("owner", String.valueOf(d.owner()));
        map.put("geometryType", String.valueOf(d.geometryType()));
        map.put("access", String.valueOf(d.access()));
        map.put("readers", d.readers().stream().map(String::valueOf).sorted().toList());
        map.put("synthetic", d.synthetic());
        return map;
    }
}
