package org.cityos.spatial.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.Crs;
import org.cityos.spatial.Gazetteer;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.GeocodingFixture;
import org.cityos.spatial.Road;
import org.cityos.spatial.RoadNetwork;
import org.cityos.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Roads and addresses round-trip through the real tables; KNN and bbox queries use the native types. */
class GazetteerStoreIT {
    static TestDatabase database;
    static RoadRepository roads;
    static AddressRepository addresses;
    static RoadNetwork network;
    static List<AddressEntry> entries;

    @BeforeAll
    static void store() {
        database = TestDatabase.migrated(10);
        JdbcClient jdbc = database.jdbc();
        roads = new RoadRepository(jdbc);
        addresses = new AddressRepository(jdbc);
        network = GeocodingFixture.network();
        entries = Gazetteer.synthesize(5, network, 12_000, GeocodingFixture.placer(), GeocodingFixture.DISTRICT);
        Instant now = Instant.parse("2026-11-24T02:00:00Z");
        roads.insertAll(network.roads(), "synthetic", now);
        addresses.insertAll(entries, now);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void roads_and_addresses_read_back_as_written() {
        assertThat(roads.count()).isEqualTo(network.roads().size());
        assertThat(roads.all()).isEqualTo(network.roads());
        assertThat(addresses.count()).isEqualTo(12_000);
        assertThat(addresses.all()).isEqualTo(entries);
    }

    @Test
    void nearest_addresses_come_from_the_point_index() {
        AddressEntry wanted = entries.get(4321);

        List<AddressEntry> nearest = addresses.nearest(wanted.point(), 3);

        assertThat(nearest).hasSize(3).first().isEqualTo(wanted);
        assertThat(nearest.get(2).point().distanceTo(wanted.point()))
                .isGreaterThanOrEqualTo(nearest.get(1).point().distanceTo(wanted.point()));
    }

    @Test
    void roads_within_a_box_meet_it() {
        Road some = network.roads().get(100);
        Envelope box = some.geometry().getEnvelopeInternal();

        List<Road> found = roads.within(box, 1000);

        assertThat(found)
                .contains(some)
                .allSatisfy(r -> assertThat(r.geometry().getEnvelopeInternal().intersects(box))
                        .isTrue());
    }

    @Test
    void a_geocoder_built_from_the_table_answers_like_one_built_in_memory() {
        Geocoder fromTable =
                Geocoder.inMemory(addresses.all(), GeocodingFixture.vocabulary(), GeocodingFixture.placer());
        AddressEntry wanted = entries.get(999);

        assertThat(fromTable.geocode(wanted.text(), 1, Crs.WGS84).get(0).entry())
                .isEqualTo(wanted);
        GeoPoint p = wanted.point();
        assertThat(fromTable.reverse(p.lon(), p.lat(), Crs.WGS84).address()).contains(wanted);
    }
}
