package org.cityos.spatial.web;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Role;
import org.cityos.spatial.GeocodingFixture;
import org.cityos.spatial.Road;
import org.cityos.spatial.RoadClass;
import org.cityos.spatial.RoadMap;
import org.cityos.spatial.RoadNetwork;
import org.cityos.spatial.persistence.RoadRepository;
import org.cityos.testkit.FixedActorResolver;
import org.cityos.testkit.ProblemMvc;
import org.cityos.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.test.web.servlet.MockMvc;

/** The road layer over HTTP: GeoJSON lines meeting the view, a limit, and bad boxes and limits as 400s. */
class RoadWebIT {
    static final Actor READER = new Actor(
            "leader",
            ActorKind.USER,
            "leader",
            Set.of(Role.LEADER),
            List.of(DivisionCode.of("110115000000")),
            Set.of(),
            false);
    static final Actor[] AS = {READER};
    static TestDatabase database;
    static RoadNetwork network;
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        database = TestDatabase.migrated(4);
        RoadRepository roads = new RoadRepository(database.jdbc());
        network = GeocodingFixture.network();
        roads.insertAll(network.roads(), "synthetic", Instant.parse("2026-11-24T02:00:00Z"));
        mvc = ProblemMvc.standalone(
                ProblemMvc.messages("i18n/spatial/messages", "i18n/spatial-layers/messages"),
                FixedActorResolver.of(AS),
                new RoadController(new RoadMap(roads)));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void roadsMeetingTheViewComeAsLines() throws Exception {
        Road some = network.roads().stream()
                .filter(r -> r.roadClass() == RoadClass.ARTERIAL)
                .findFirst()
                .orElseThrow();
        Envelope e = some.geometry().getEnvelopeInternal();
        List<String> classes =
                List.of(RoadClass.ARTERIAL.name(), RoadClass.STREET.name(), RoadClass.VILLAGE_ROAD.name());
        mvc.perform(get("/api/roads")
                        .param("bbox", e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[*].properties.name", hasItem(some.name())))
                .andExpect(jsonPath("$.features[*].properties.class", everyItem(in(classes))))
                .andExpect(jsonPath("$.features[0].geometry.type").value("LineString"))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0]", hasSize(2)));
        mvc.perform(get("/api/roads").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features", hasSize(3)));
        mvc.perform(get("/api/roads").param("bbox", "0,0,0.1,0.1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features", hasSize(0)));
    }

    @Test
    void badBoxesAndLimitsAreRefusedByName() throws Exception {
        mvc.perform(get("/api/roads").param("bbox", "116,39"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bbox"));
        mvc.perform(get("/api/roads").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }
}
