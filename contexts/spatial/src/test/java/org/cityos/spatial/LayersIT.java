package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.spatial.LayerFixture.ADMIN;
import static org.cityos.spatial.LayerFixture.ECOLOGY;
import static org.cityos.spatial.LayerFixture.EMERGENCY;
import static org.cityos.spatial.LayerFixture.STEWARD;
import static org.cityos.spatial.LayerFixture.TRANSPORT;
import static org.cityos.spatial.LayerFixture.actor;
import static org.cityos.spatial.LayerFixture.definition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.LayerProblems.FeaturesRejected;
import org.cityos.spatial.LayerProblems.LayerChangedConcurrently;
import org.cityos.spatial.LayerProblems.LayerExists;
import org.cityos.spatial.LayerProblems.LayerReadDenied;
import org.cityos.spatial.LayerProblems.UnknownFeature;
import org.cityos.spatial.LayerProblems.UnknownLayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class LayersIT {
    static final GeometryFactory GEOMETRY = new GeometryFactory();
    final LayerFixture fx = new LayerFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    static LayerFeature point(String id, double lon, double lat, Instant t) {
        return new LayerFeature(id, GEOMETRY.createPoint(new Coordinate(lon, lat)), Map.of("name", id), t);
    }

    static Geometry square(double lon, double lat, double size) {
        return GEOMETRY.createPolygon(new Coordinate[] {
            new Coordinate(lon, lat),
            new Coordinate(lon + size, lat),
            new Coordinate(lon + size, lat + size),
            new Coordinate(lon, lat + size),
            new Coordinate(lon, lat)
        });
    }

    @Test
    void registers_updates_with_versions_and_removes_audited_and_published() {
        Layer layer = fx.layers.register(
                STEWARD, definition("air-stations", LayerGeometryType.POINT, LayerAccess.PUBLIC, ECOLOGY));
        assertThat(layer.version()).isZero();
        assertThat(layer.definition().style()).containsEntry("color", "#3388ff");
        assertThat(layer.definition().synthetic()).isTrue();
        assertThat(layer.createdAt()).isEqualTo(fx.clock.instant());

        assertThatThrownBy(() -> fx.layers.register(
                        STEWARD, definition("air-stations", LayerGeometryType.POINT, LayerAccess.PUBLIC, ECOLOGY)))
                .isInstanceOf(LayerExists.class);

        fx.clock.advance(Duration.ofMinutes(5));
        LayerDefinition renamed = new LayerDefinition(
                layer.id(),
                "空气质量监测站",
                "Air quality stations",
                "生态环境局",
                ECOLOGY,
                LayerGeometryType.POINT,
                Map.of("icon", "air"),
                LayerUpdateFrequency.REALTIME,
                LayerAccess.INTERNAL,
                Set.of(),
                false);
        Layer updated = fx.layers.update(STEWARD, renamed, 0);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.definition().titleZh()).isEqualTo("空气质量监测站");
        assertThat(updated.updatedAt()).isAfter(updated.createdAt());
        assertThatThrownBy(() -> fx.layers.update(STEWARD, renamed, 0)).isInstanceOf(LayerChangedConcurrently.class);

        fx.layers.remove(STEWARD, layer.id());
        assertThat(fx.layers.find(layer.id())).isEmpty();
        assertThatThrownBy(() -> fx.layers.get(STEWARD, layer.id())).isInstanceOf(UnknownLayer.class);

        assertThat(fx.auditActions())
                .containsExactly("spatial.layer.register", "spatial.layer.update", "spatial.layer.remove");
        assertThat(fx.events.published)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("LayerRegistered", "LayerUpdated", "LayerRemoved");
    }

    @Test
    void writes_need_division_write_and_bad_definitions_are_refused_field_by_field() {
        Actor handler = actor("h", Role.DEPARTMENT_HANDLER, ECOLOGY);
        assertThatThrownBy(() -> fx.layers.register(
                        handler, definition("x", LayerGeometryType.POINT, LayerAccess.PUBLIC, ECOLOGY)))
                .isInstanceOf(AccessDenied.class);

        LayerDefinition bad = new LayerDefinition(
                LayerId.of("bad"),
                " ",
                "x".repeat(300),
                null,
                ECOLOGY,
                null,
                Map.of("blob", "y".repeat(10_000)),
                LayerUpdateFrequency.STATIC,
                LayerAccess.PUBLIC,
                Set.of(),
                false);
        assertThatThrownBy(() -> fx.layers.register(STEWARD, bad))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldIssues())
                        .extracting(i -> i.field())
                        .containsExactly("titleZh", "titleEn", "geometryType", "style"));
        assertThat(fx.auditActions()).isEmpty();
    }

    @Test
    void replace_and_append_keep_count_extent_and_time_span_and_report_repairs() {
        LayerId id = fx.layers
                .register(STEWARD, definition("parks", LayerGeometryType.POLYGON, LayerAccess.PUBLIC, ECOLOGY))
                .id();
        Geometry twisted = GEOMETRY.createPolygon(new Coordinate[] {
            new Coordinate(116.30, 39.70),
            new Coordinate(116.31, 39.70),
            new Coordinate(116.31, 39.71),
            new Coordinate(116.30, 39.71),
            new Coordinate(116.30, 39.7001),
            new Coordinate(116.3001, 39.6999),
            new Coordinate(116.30, 39.70)
        });
        LayerImportReport report = fx.layers.replaceFeatures(
                STEWARD,
                id,
                List.of(
                        new LayerFeature(
                                "a", square(116.2, 39.6, 0.01), Map.of(), Instant.parse("2025-01-01T00:00:00Z")),
                        new LayerFeature("b", twisted, Map.of("k", 1), null)));
        assertThat(report.received()).isEqualTo(2);
        assertThat(report.featureCount()).isEqualTo(2);
        assertThat(report.repairs())
                .singleElement()
                .satisfies(r -> assertThat(r.featureId()).isEqualTo("b"));
        assertThat(fx.queries.feature(STEWARD, id, "b").geometry().isValid()).isTrue();

        LayerImportReport appended = fx.layers.appendFeatures(
                STEWARD,
                id,
                List.of(
                        new LayerFeature(
                                "c", square(116.5, 39.8, 0.02), Map.of(), Instant.parse("2026-06-01T00:00:00Z")),
                        new LayerFeature("a", square(116.25, 39.65, 0.01), Map.of("v", 2), null)));
        assertThat(appended.featureCount())
                .as("an existing id is replaced, not duplicated")
                .isEqualTo(3);
        Layer layer = fx.layers.get(STEWARD, id);
        assertThat(layer.extent().bbox()).isEqualTo(new FeatureBox(116.25, 39.65, 116.52, 39.82));
        assertThat(layer.extent().earliest()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(layer.extent().featuresVersion()).isEqualTo(2);

        fx.layers.replaceFeatures(STEWARD, id, List.of());
        assertThat(fx.layers.get(STEWARD, id).extent()).satisfies(e -> {
            assertThat(e.featureCount()).isZero();
            assertThat(e.bbox()).isNull();
        });
        assertThat(fx.auditActions())
                .containsExactly(
                        "spatial.layer.register",
                        "spatial.layer.features.replace",
                        "spatial.layer.features.append",
                        "spatial.layer.features.replace");
        assertThat(fx.events.published)
                .filteredOn(e -> e instanceof LayerFeaturesChanged)
                .extracting(e -> ((LayerFeaturesChanged) e).change())
                .containsExactly("REPLACED", "APPENDED", "REPLACED");
    }

    @Test
    void a_rejected_batch_stores_nothing() {
        LayerId id = fx.layers
                .register(STEWARD, definition("wells", LayerGeometryType.POINT, LayerAccess.PUBLIC, ECOLOGY))
                .id();
        fx.layers.replaceFeatures(STEWARD, id, List.of(point("keep", 116.3, 39.7, null)));
        assertThatThrownBy(() -> fx.layers.replaceFeatures(
                        STEWARD, id, List.of(point("n1", 116.3, 39.7, null), point("n2", 116.3, 95, null))))
                .isInstanceOf(FeaturesRejected.class);
        assertThat(fx.layers.get(STEWARD, id).extent().featureCount()).isEqualTo(1);
        assertThat(fx.queries.feature(STEWARD, id, "keep")).isNotNull();
    }

    @Test
    void single_features_are_put_and_removed() {
        LayerId id = fx.layers
                .register(STEWARD, definition("cams", LayerGeometryType.POINT, LayerAccess.PUBLIC, ECOLOGY))
                .id();
        fx.layers.putFeature(STEWARD, id, point("c1", 116.3, 39.7, null));
        fx.layers.putFeature(STEWARD, id, point("c1", 116.4, 39.8, null));
        assertThat(fx.queries.feature(STEWARD, id, "c1").geometry().getCoordinate().x)
                .isEqualTo(116.4);
        fx.layers.removeFeature(STEWARD, id, "c1");
        assertThatThrownBy(() -> fx.queries.feature(STEWARD, id, "c1")).isInstanceOf(UnknownFeature.class);
        assertThatThrownBy(() -> fx.layers.removeFeature(STEWARD, id, "c1")).isInstanceOf(UnknownFeature.class);
    }

    @Test
    void restricted_layers_are_listed_and_read_only_by_their_departments() {
        fx.layers.register(ADMIN, definition("open", LayerGeometryType.POINT, LayerAccess.PUBLIC, TRANSPORT));
        fx.layers.register(ADMIN, definition("staff", LayerGeometryType.POINT, LayerAccess.INTERNAL, TRANSPORT));
        LayerDefinition hazard = definition("hazard", LayerGeometryType.POINT, LayerAccess.RESTRICTED, ECOLOGY);
        fx.layers.register(
                ADMIN,
                new LayerDefinition(
                        hazard.id(),
                        hazard.titleZh(),
                        hazard.titleEn(),
                        hazard.description(),
                        hazard.owner(),
                        hazard.geometryType(),
                        hazard.style(),
                        hazard.updateFrequency(),
                        hazard.access(),
                        Set.of(EMERGENCY),
                        false));

        Actor ecology = actor("e", Role.DEPARTMENT_HANDLER, ECOLOGY);
        Actor emergency = actor("m", Role.DEPARTMENT_HANDLER, EMERGENCY);
        Actor transport = actor("t", Role.DEPARTMENT_HANDLER, TRANSPORT);
        Actor machine =
                new Actor("k", org.cityos.kernel.access.ActorKind.API_KEY, "k", Set.of(), List.of(), Set.of(), false);

        assertThat(ids(fx.layers.readable(ecology))).containsExactly("hazard", "open", "staff");
        assertThat(ids(fx.layers.readable(emergency))).containsExactly("hazard", "open", "staff");
        assertThat(ids(fx.layers.readable(transport))).containsExactly("open", "staff");
        assertThat(ids(fx.layers.readable(machine))).containsExactly("open");
        assertThat(ids(fx.layers.readable(ADMIN))).containsExactly("hazard", "open", "staff");

        assertThatThrownBy(() -> fx.layers.get(transport, LayerId.of("hazard"))).isInstanceOf(LayerReadDenied.class);
        assertThatThrownBy(
                        () -> fx.queries.features(transport, LayerId.of("hazard"), new FeatureQuery(null, null, 0, 10)))
                .isInstanceOf(LayerReadDenied.class);
        assertThatThrownBy(() -> fx.queries.clusters(transport, LayerId.of("hazard"), null, 10))
                .isInstanceOf(LayerReadDenied.class);
        assertThatThrownBy(() -> fx.layers.appendFeatures(
                        actor("s", Role.DATA_STEWARD, TRANSPORT), LayerId.of("hazard"), List.of()))
                .isInstanceOf(LayerReadDenied.class);
    }

    @Test
    void geometry_type_cannot_change_under_existing_features() {
        LayerDefinition d = definition("lines", LayerGeometryType.LINE, LayerAccess.PUBLIC, ECOLOGY);
        LayerId id = fx.layers.register(STEWARD, d).id();
        fx.layers.appendFeatures(
                STEWARD,
                id,
                List.of(new LayerFeature(
                        "l",
                        GEOMETRY.createLineString(
                                new Coordinate[] {new Coordinate(116.3, 39.7), new Coordinate(116.4, 39.8)}),
                        Map.of(),
                        null)));
        LayerDefinition asPoints = new LayerDefinition(
                id,
                d.titleZh(),
                d.titleEn(),
                d.description(),
                d.owner(),
                LayerGeometryType.POINT,
                d.style(),
                d.updateFrequency(),
                d.access(),
                d.readers(),
                d.synthetic());
        assertThatThrownBy(() -> fx.layers.update(STEWARD, asPoints, 0)).isInstanceOf(InvalidInput.class);
    }

    private static List<String> ids(List<Layer> layers) {
        return layers.stream().map(l -> l.id().value()).toList();
    }
}
